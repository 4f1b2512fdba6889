import { afterEach, describe, expect, it } from 'vitest';
import { summaryOf } from '../../api/scan-queries.js';
import { evaluateBenchmark } from '../../controls/engine.js';
import { trend } from '../../reports/trend.js';
import type { Database } from '../../schema/db.js';
import { kyselyOf } from '../../schema/kysely.js';
import { listScans, previousScan, resolveScan, ScanNotFoundError } from '../../schema/scans.js';
import { seedInventory, writeTestCatalog } from '../api/fixture.js';
import { memoryDb } from '../support/db.js';

const scan = (id: string, startedAt: string, status = 'complete', benchmarkId = 'b1', score: number | null = 50) => ({
  id, benchmark_id: benchmarkId, started_at: new Date(startedAt), status, score,
});

describe('the previous scan', () => {
  let db: Database | undefined;
  afterEach(() => db?.close());

  it('is the last complete scan of the same benchmark before it in start order, ties broken by id', async () => {
    db = await memoryDb();
    await kyselyOf(db).insertInto('scans').values([
      scan('a', '2026-01-01T00:00:00Z'),
      scan('b', '2026-01-02T00:00:00Z'),
      scan('c', '2026-01-02T00:00:00Z'), // same start as b: b comes first (smaller id)
      scan('d', '2026-01-03T00:00:00Z', 'failed'),
      scan('e', '2026-01-03T12:00:00Z', 'running'),
      scan('x', '2026-01-03T18:00:00Z', 'complete', 'b2'),
      scan('f', '2026-01-04T00:00:00Z'),
    ]).execute();
    const prev = async (id: string) => (await previousScan(db!, id))?.id ?? null;
    expect(await prev('a')).toBeNull();
    expect(await prev('b')).toBe('a');
    expect(await prev('c')).toBe('b');
    expect(await prev('f')).toBe('c'); // the failed, the running and the other benchmark's scans do not count
    expect(await prev('x')).toBeNull();
    expect(await prev('missing')).toBeNull();
  });

  it('is what the trend stored with a scan, the trend on the report page and the trend series compare against', async () => {
    const { catalog, cleanup } = writeTestCatalog();
    try {
      db = await memoryDb();
      await seedInventory(db);
      const ids: string[] = [];
      const evaluate = async () => ids.push((await evaluateBenchmark({ db: db!, benchmarkId: 'api-test', catalog, trigger: 'cli' })).scan.id);
      await evaluate();
      await db.run("UPDATE aws_s3_buckets SET encryption_algorithm = 'AES256' WHERE name = 'acme-logs'");
      await evaluate();
      await db.run("UPDATE aws_s3_buckets SET policy = '{}' WHERE policy IS NULL");
      await evaluate();
      await db.run("UPDATE aws_s3_buckets SET encryption_algorithm = NULL");
      await evaluate();

      const series = (await trend(db, { benchmarkId: 'api-test', days: 36500 }))[0]!.points;
      expect(series.map((p) => p.scan_id)).toEqual(ids);
      const seen: Array<number | null> = [];
      for (const [i, id] of ids.entries()) {
        const row = await kyselyOf(db).selectFrom('scans').select('summary').where('id', '=', id).executeTakeFirstOrThrow();
        const stored = (JSON.parse(row.summary!) as { trend: number | null }).trend;
        const page = await summaryOf(db, await resolveScan(db, id));
        expect(page.trend).toBe(stored);
        expect(page.previous_scan?.id ?? null).toBe(i === 0 ? null : ids[i - 1]);
        expect(series[i]!.change === null ? null : Math.round(series[i]!.change! * 10) / 10).toBe(stored);
        seen.push(stored);
      }
      // Scores 0 → 50 → 100 → 50: the trends are real changes, not all null.
      expect(seen).toEqual([null, 50, 50, -50]);
    } finally {
      cleanup();
    }
  });
});

describe('scan lookups', () => {
  let db: Database | undefined;
  afterEach(() => db?.close());

  it('resolves latest, a full id and a unique prefix, and names an ambiguous or unknown one', async () => {
    db = await memoryDb();
    await kyselyOf(db).insertInto('scans').values([scan('abc1', '2026-01-01T00:00:00Z'), scan('abc2', '2026-01-02T00:00:00Z'), scan('zzz', '2026-01-03T00:00:00Z', 'running')]).execute();
    expect((await resolveScan(db, 'latest')).id).toBe('abc2');
    expect((await resolveScan(db, 'abc1')).id).toBe('abc1');
    expect((await resolveScan(db, 'zz')).id).toBe('zzz');
    await expect(resolveScan(db, 'abc')).rejects.toThrow(/several scans/);
    await expect(resolveScan(db, 'nope')).rejects.toBeInstanceOf(ScanNotFoundError);
    await expect(resolveScan(db, 'latest', 'b9')).rejects.toThrow(/latest of b9/);
  });

  it('lists scans newest first with their counts NULL until a scan completes', async () => {
    db = await memoryDb();
    await kyselyOf(db).insertInto('scans').values([scan('old', '2026-01-01T00:00:00Z'), scan('new', '2026-01-02T00:00:00Z', 'running', 'b2', null)]).execute();
    await kyselyOf(db).updateTable('scans').set({ pass: 3, fail: 1 }).where('id', '=', 'old').execute();
    expect(await listScans(db)).toMatchObject([{ id: 'new', pass: null, score: null }, { id: 'old', pass: 3, fail: 1, started_at: '2026-01-01T00:00:00.000Z' }]);
    expect((await listScans(db, { benchmarkId: 'b1', limit: 1 })).map((s) => s.id)).toEqual(['old']);
  });
});
