import { describe, expect, it } from 'vitest';
import { pruneHistory, retentionDaysFrom } from '../../scheduler/retention.js';
import { memoryDb } from '../support/db.js';
import { seedScan } from '../../testkit/seed-scan.js';

const scanAt = (id: string, startedAt: string, benchmarkId = 'cis-aws-3.0') => ({
  id, startedAt, benchmarkId, controls: [{ id: '2.1.1', status: 'FAIL' as const }], findings: [{ control: '2.1.1', resource: `arn:aws:s3:::${id}` }],
});

describe('pruneHistory', () => {
  it('deletes scans older than the retention period with their results and findings, and keeps everything newer', async () => {
    const db = await memoryDb();
    await seedScan(db, scanAt('old', '2026-08-01T00:00:00Z'));
    await seedScan(db, scanAt('edge', '2026-08-24T00:00:01Z')); // 89 days 23:59:59 before now
    await seedScan(db, scanAt('new', '2026-11-20T00:00:00Z'));
    await db.run("INSERT INTO schedule_runs (id, benchmark_id, trigger, started_at, status) VALUES ('r-old', 'cis-aws-3.0', 'due', '2026-08-01', 'ok'), ('r-new', 'cis-aws-3.0', 'due', '2026-11-20', 'ok')");
    const r = await pruneHistory(db, { retentionDays: 90, now: new Date('2026-11-22T00:00:00Z') });
    expect(r).toMatchObject({ scans: 1, control_results: 1, findings: 1, schedule_runs: 1, cutoff: '2026-08-24T00:00:00.000Z' });
    expect((await db.all<{ id: string }>('SELECT id FROM scans ORDER BY started_at')).map((s) => s.id)).toEqual(['edge', 'new']);
    expect(await db.all("SELECT count(*) AS n FROM findings WHERE scan_id = 'old'")).toEqual([{ n: 0 }]);
    expect(await db.all("SELECT count(*) AS n FROM control_results WHERE scan_id = 'old'")).toEqual([{ n: 0 }]);
    expect((await db.all<{ id: string }>('SELECT id FROM schedule_runs')).map((x) => x.id)).toEqual(['r-new']);
  });

  it('keeps the newest scan of a benchmark even when it is older than the retention period', async () => {
    const db = await memoryDb();
    await seedScan(db, scanAt('v14-old', '2026-01-01T00:00:00Z', 'cis-aws-1.4'));
    await seedScan(db, scanAt('v14-last', '2026-02-01T00:00:00Z', 'cis-aws-1.4'));
    const r = await pruneHistory(db, { retentionDays: 30, now: new Date('2026-11-22T00:00:00Z') });
    expect(r.scans).toBe(1);
    expect((await db.all<{ id: string }>('SELECT id FROM scans')).map((s) => s.id)).toEqual(['v14-last']);
  });

  it('reads the retention from CALABI_RETENTION_DAYS and refuses nonsense', () => {
    expect(retentionDaysFrom(undefined)).toBe(90);
    expect(retentionDaysFrom('365')).toBe(365);
    expect(() => retentionDaysFrom('0')).toThrow(/whole number of days from 1 to 36500.*--retention-days or CALABI_RETENTION_DAYS/);
    expect(() => retentionDaysFrom('ninety')).toThrow(/not 'ninety'/);
  });
});
