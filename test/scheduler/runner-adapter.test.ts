import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { ScanRunner, type Evaluate } from '../../scans/runner.js';
import { scanViaRunner } from '../../scheduler/runner-adapter.js';
import { Scheduler } from '../../scheduler/scheduler.js';
import { createSchedule } from '../../scheduler/store.js';
import type { ScanReport } from '../../controls/types.js';
import { memoryDb } from '../support/db.js';
import { seedScan } from '../../testkit/seed-scan.js';

/** An engine stand-in that stores a scan under the runner's id and can be held open. */
function evaluator(gate?: Promise<void>): { evaluate: Evaluate; calls: string[] } {
  const calls: string[] = [];
  const evaluate: Evaluate = async ({ db, benchmarkId, trigger, scanId }) => {
    calls.push(trigger);
    await gate;
    const id = scanId ?? `scan-${calls.length}`;
    await seedScan(db, { id, benchmarkId, startedAt: new Date().toISOString(), controls: [{ id: '1.4', status: 'PASS' }] });
    return { benchmark: { id: benchmarkId, title: '', version: '' }, scan: { id, started_at: '', finished_at: null }, summary: {} as ScanReport['summary'], controls: [] };
  };
  return { evaluate, calls };
}

describe('scheduled runs through the server scan runner', () => {
  it('waits for a "Run now" in progress instead of failing, then runs as a schedule-triggered scan', async () => {
    const db = await memoryDb();
    let release!: () => void;
    const { evaluate, calls } = evaluator(new Promise<void>((r) => (release = r)));
    const runner = new ScanRunner({ db, evaluate });
    runner.start({ benchmark: 'cis-aws-3.0', trigger: 'api' });
    const scheduled = scanViaRunner(runner, { pollMs: 20 })({ benchmarkId: 'cis-aws-3.0', sync: false, trigger: 'schedule' });
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toEqual(['api']);
    release();
    const result = await scheduled;
    expect(calls).toEqual(['api', 'schedule']);
    expect(result).toMatchObject({ scanId: expect.any(String), syncRunId: null, syncErrors: 0 });
    expect(await db.one('SELECT count(*) AS n FROM scans')).toEqual({ n: 2 });
  });

  it('POST /api/schedules/{id}/run starts a run that is recorded with its scan; a second one while it runs is a 409', async () => {
    const db = await memoryDb();
    let release!: () => void;
    const { evaluate } = evaluator(new Promise<void>((r) => (release = r)));
    const runner = new ScanRunner({ db, evaluate });
    const scheduler = new Scheduler({ db, scan: scanViaRunner(runner, { pollMs: 20 }) });
    const app = createApp({ db, runner, scheduler });
    const s = await createSchedule(db, { benchmark_id: 'cis-aws-3.0', frequency: 'daily', time_of_day: '06:00' }, new Date());
    await scheduler.start();
    const first = await app.request(`/api/schedules/${s.id}/run`, { method: 'POST' });
    expect(first.status).toBe(202);
    const second = await app.request(`/api/schedules/${s.id}/run`, { method: 'POST' });
    expect(second.status).toBe(409);
    expect((await second.json()).message).toMatch(/already running/);
    expect((await (await app.request('/api/schedules')).json()).schedules[0].running).toBe(true);
    release();
    await scheduler.idle();
    scheduler.stop();
    const runs = await (await app.request(`/api/schedules/${s.id}/runs`)).json();
    expect(runs.runs).toEqual([expect.objectContaining({ trigger: 'manual', status: 'ok', scan_id: expect.any(String), score: 100 })]);
  });
});
