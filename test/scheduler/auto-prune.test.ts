import { afterEach, describe, expect, it } from 'vitest';
import { Scheduler } from '../../scheduler/scheduler.js';
import { seedScan } from '../../testkit/seed-scan.js';
import { fileDb } from '../support/db.js';
import { ManualClock } from './manual-clock.js';

// Review: issue 5 "pruned automatically" — the scheduler inside `calabi serve` prunes at start-up and then daily,
// without anyone calling pruneHistory.
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('automatic retention pruning in the scheduler', () => {
  it('prunes scans past the retention period at start-up and again a day later, keeping newer ones', async () => {
    const f = await fileDb();
    cleanups.push(f.cleanup);
    const { db } = f;
    for (const [id, at] of [['old', '2026-08-01T00:00:00.000Z'], ['mid', '2026-09-01T00:00:00.000Z'], ['new', '2026-11-20T00:00:00.000Z']] as const) {
      await seedScan(db, { id, startedAt: at, controls: [{ id: '1.4', status: 'PASS' }], findings: [] });
    }
    const ids = async () => (await db.all<{ id: string }>('SELECT id FROM scans ORDER BY started_at')).map((r) => r.id);
    const clock = new ManualClock('2026-11-22T00:00:00Z');
    const scheduler = new Scheduler({ db, clock, retentionDays: 90, evaluate: async () => 'unused' });
    await scheduler.start();
    await scheduler.idle();
    expect(await ids()).toEqual(['mid', 'new']);
    // 'mid' passes 90 days on 2026-11-30; the scheduler wakes on its own and prunes it within a day.
    await clock.advanceTo('2026-12-01T12:00:00Z', () => scheduler.idle());
    scheduler.stop();
    expect(await ids()).toEqual(['new']);
  });

  it('prunes nothing when no retention is configured', async () => {
    const f = await fileDb();
    cleanups.push(f.cleanup);
    await seedScan(f.db, { id: 'ancient', startedAt: '2020-01-01T00:00:00.000Z', controls: [{ id: '1.4', status: 'PASS' }] });
    await seedScan(f.db, { id: 'recent', startedAt: '2026-11-20T00:00:00.000Z', controls: [{ id: '1.4', status: 'PASS' }] });
    const scheduler = new Scheduler({ db: f.db, clock: new ManualClock('2026-11-22T00:00:00Z'), evaluate: async () => 'unused' });
    await scheduler.start();
    await scheduler.idle();
    scheduler.stop();
    expect((await f.db.all<{ n: bigint | number }>('SELECT count(*) AS n FROM scans'))[0]!.n).toBe(2);
  });
});
