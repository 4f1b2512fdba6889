import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../schema/db.js';
import type { JobDeps } from '../../scheduler/job.js';
import { ScheduleBusyError, Scheduler } from '../../scheduler/scheduler.js';
import { createSchedule, getSchedule, updateSchedule } from '../../scheduler/store.js';
import { fileDb } from '../support/db.js';
import { seedScan } from '../../testkit/seed-scan.js';
import { ManualClock } from './manual-clock.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function database(): Promise<{ db: Database; path: string; reopen: () => Promise<Database> }> {
  const f = await fileDb();
  cleanups.push(f.cleanup);
  return { db: f.db, path: f.path, reopen: async () => (await import('../../schema/db.js')).Database.open(f.path) };
}

/** An evaluation stand-in that stores a one-requirement scan, so timing tests do not depend on the inventory. */
function fakeEvaluate(calls: string[], gate?: () => Promise<void>): JobDeps['evaluate'] {
  return async ({ db, benchmarkId }) => {
    const id = `scan-${calls.length + 1}`;
    calls.push(id);
    await gate?.();
    await seedScan(db, { id, benchmarkId, startedAt: new Date().toISOString(), controls: [{ id: '1.4', status: 'PASS' }] });
    return id;
  };
}

const runs = (db: Database) =>
  db.all<{ trigger: string; status: string; scheduled_for: string | null; scan_id: string | null; error: string | null }>(
    'SELECT trigger, status, scheduled_for, scan_id, error FROM schedule_runs ORDER BY started_at, scheduled_for',
  );

describe('Scheduler', () => {
  it('runs a daily Europe/Berlin schedule at 06:00 local time through the spring clock change, each run recorded', async () => {
    const { db } = await database();
    const clock = new ManualClock('2026-03-27T12:00:00Z');
    await createSchedule(db, { benchmark_id: 'cis-aws-3.0', frequency: 'daily', time_of_day: '06:00', timezone: 'Europe/Berlin' }, clock.now());
    const calls: string[] = [];
    const scheduler = new Scheduler({ db, clock, evaluate: fakeEvaluate(calls) });
    await scheduler.start();
    await clock.advanceTo('2026-03-30T12:00:00Z', () => scheduler.idle());
    scheduler.stop();
    const r = await runs(db);
    expect(r.map((x) => x.scheduled_for)).toEqual(['2026-03-28T05:00:00.000Z', '2026-03-29T04:00:00.000Z', '2026-03-30T04:00:00.000Z']);
    expect(r.every((x) => x.status === 'ok' && x.trigger === 'due' && x.scan_id)).toBe(true);
  });

  it('survives a restart and runs a run missed while down once at start-up, not once per missed day', async () => {
    const { db, reopen } = await database();
    const clock = new ManualClock('2026-11-01T00:00:00Z');
    const s = await createSchedule(db, { benchmark_id: 'cis-aws-3.0', frequency: 'daily', time_of_day: '06:00', timezone: 'UTC' }, clock.now());
    const first = new Scheduler({ db, clock, evaluate: fakeEvaluate([]) });
    await first.start();
    first.stop();
    db.close();

    await clock.advanceTo('2026-11-04T09:00:00Z'); // down for three due times
    const db2 = await reopen();
    cleanups.push(() => db2.close());
    const calls: string[] = [];
    const second = new Scheduler({ db: db2, clock, evaluate: fakeEvaluate(calls) });
    await second.start();
    await second.idle();
    second.stop();
    expect(calls).toHaveLength(1);
    expect(await runs(db2)).toEqual([expect.objectContaining({ trigger: 'missed', status: 'ok', scheduled_for: '2026-11-01T06:00:00.000Z' })]);
    expect((await getSchedule(db2, s.id))!.next_run_at).toBe('2026-11-05T06:00:00.000Z');
  });

  it('never runs two runs of one schedule at once: a due time during a long run is recorded as skipped', async () => {
    const { db } = await database();
    const clock = new ManualClock('2026-11-01T00:00:00Z');
    const s = await createSchedule(db, { benchmark_id: 'cis-aws-3.0', frequency: 'daily', time_of_day: '06:00', timezone: 'UTC' }, clock.now());
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const calls: string[] = [];
    const scheduler = new Scheduler({ db, clock, evaluate: fakeEvaluate(calls, () => gate) });
    await scheduler.start();
    const pause = () => new Promise<void>((r) => setTimeout(r, 50));
    await clock.advanceTo('2026-11-01T06:00:00Z', pause);
    expect(scheduler.isRunning(s.id)).toBe(true);
    expect(() => scheduler.runNow(s.id)).toThrow(ScheduleBusyError);
    await clock.advanceTo('2026-11-02T07:00:00Z', pause);
    release();
    await scheduler.idle();
    scheduler.stop();
    expect(calls).toHaveLength(1);
    const r = await runs(db);
    expect(r.map((x) => [x.scheduled_for, x.status])).toEqual([
      ['2026-11-01T06:00:00.000Z', 'ok'],
      ['2026-11-02T06:00:00.000Z', 'skipped'],
    ]);
    expect(r[1]!.error).toMatch(/previous run of this schedule was still running/);
  });

  it('does not run a paused schedule and resumes from the next due time after un-pausing', async () => {
    const { db } = await database();
    const clock = new ManualClock('2026-11-01T00:00:00Z');
    const s = await createSchedule(db, { benchmark_id: 'cis-aws-3.0', frequency: 'daily', time_of_day: '06:00', timezone: 'UTC', paused: true }, clock.now());
    const calls: string[] = [];
    const scheduler = new Scheduler({ db, clock, evaluate: fakeEvaluate(calls) });
    await scheduler.start();
    await clock.advanceTo('2026-11-03T00:00:00Z', () => scheduler.idle());
    expect(calls).toHaveLength(0);
    await updateSchedule(db, s.id, { paused: false }, clock.now());
    await scheduler.reload();
    await clock.advanceTo('2026-11-03T07:00:00Z', () => scheduler.idle());
    scheduler.stop();
    expect((await runs(db)).map((x) => x.scheduled_for)).toEqual(['2026-11-03T06:00:00.000Z']);
  });

  it('records a failed run with its error and closes a run a crash left running', async () => {
    const { db } = await database();
    const clock = new ManualClock('2026-11-01T00:00:00Z');
    await createSchedule(db, { benchmark_id: 'cis-aws-3.0', frequency: 'daily', time_of_day: '06:00', timezone: 'UTC', sync_first: true }, clock.now());
    await db.run("INSERT INTO schedule_runs (id, benchmark_id, trigger, started_at, status) VALUES ('old', 'cis-aws-3.0', 'due', '2026-10-31 06:00:00', 'running')");
    const scheduler = new Scheduler({ db, clock, evaluate: fakeEvaluate([]) });
    await scheduler.start();
    await clock.advanceTo('2026-11-01T07:00:00Z', () => scheduler.idle());
    scheduler.stop();
    const r = await runs(db);
    expect(r[0]).toMatchObject({ status: 'failed', error: 'interrupted: the server stopped during the run' });
    expect(r[1]).toMatchObject({ status: 'failed', scan_id: null });
    expect(r[1]!.error).toMatch(/asks to sync first, but no AWS settings/);
  });
});
