import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmark, evaluateBenchmarks, loadCatalog } from '../../controls/engine.js';
import { benchmarksInOrder } from '../../controls/benchmarks.js';
import { loadScanReport } from '../../controls/store.js';
import type { ScanReport } from '../../controls/types.js';
import { loadSample } from '../../demo/sample.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';

/**
 * Every benchmark of the catalogue evaluated at once over the demo inventory, against each evaluated alone over
 * the same inventory: one run of each check serves them all, and each benchmark's stored scan is the one it gets
 * alone (same report id, same control rows, same findings).
 */
let db: Database;
let together: ScanReport[];
let alone: ScanReport[];
const ids = benchmarksInOrder(loadCatalog()).map((b) => b.id);

beforeAll(async () => {
  db = await memoryDb();
  await loadSample(db);
  together = await evaluateBenchmarks({ db, benchmarkIds: ids, trigger: 'test' });
  alone = [];
  for (const id of ids) alone.push(await evaluateBenchmark({ db, benchmarkId: id, trigger: 'test' }));
}, 600_000);

afterAll(() => db?.close());

async function findingsOf(scanId: string): Promise<string[]> {
  const rows = await db.all<{ line: string }>(
    "SELECT concat_ws('|', control_id, check_id, resource_id, account_id, region, reason) AS line FROM findings WHERE scan_id = ? ORDER BY line",
    [scanId],
  );
  return rows.map((r) => r.line);
}

describe('evaluating every benchmark at once', () => {
  it('records one scan per benchmark, in the order asked, each with its own scan id', () => {
    expect(together.map((r) => r.benchmark.id)).toEqual(ids);
    expect(new Set(together.map((r) => r.scan.id)).size).toBe(ids.length);
    expect(ids).toContain('cis-aws-3.0');
    expect(ids).toContain('aws-fsbp');
  });

  it('gives each benchmark the report id, statuses and summary counts it gets when evaluated alone', () => {
    for (const [i, report] of together.entries()) {
      const single = alone[i]!;
      expect(report.scan.report_id, report.benchmark.id).toBe(single.scan.report_id);
      expect(report.controls.map((c) => `${c.id}:${c.status}:${c.affected_count}`)).toEqual(single.controls.map((c) => `${c.id}:${c.status}:${c.affected_count}`));
      const { trend: _t, oldest_data_at: _o, ...counts } = report.summary;
      const { trend: _t2, oldest_data_at: _o2, ...singleCounts } = single.summary;
      expect(counts).toEqual(singleCounts);
    }
    // The demo account fails CIS and FSBP requirements: the comparison is not between empty reports.
    for (const id of ['cis-aws-3.0', 'aws-fsbp']) expect(together.find((r) => r.benchmark.id === id)!.summary.fail, id).toBeGreaterThan(0);
  });

  it('stores the same findings under each scan as the benchmark evaluated alone, and reloads to the same report id', async () => {
    for (const [i, report] of together.entries()) {
      const stored = await findingsOf(report.scan.id);
      if (report.summary.fail > 0) expect(stored.length, report.benchmark.id).toBeGreaterThan(0);
      expect(stored).toEqual(await findingsOf(alone[i]!.scan.id));
      const reloaded = await loadScanReport(db, report.scan.id);
      expect(reloaded?.scan.report_id).toBe(single(report.benchmark.id).scan.report_id);
    }
  });

  it('stores each check\'s findings once for all the benchmarks evaluated together, not once per requirement', async () => {
    const evaluations = await db.all<{ evaluation_id: string; n: number }>(
      'SELECT evaluation_id, count(*)::INT AS n FROM scans WHERE id IN (SELECT unnest(?::VARCHAR[])) GROUP BY ALL', [together.map((r) => r.scan.id)],
    );
    expect(evaluations).toHaveLength(1);
    expect(evaluations[0]!.n).toBe(ids.length);
    const [row] = await db.all<{ stored: number; distinct_rows: number; shown: number }>(
      `SELECT (SELECT count(*) FROM check_findings WHERE evaluation_id = $1)::INT AS stored,
              (SELECT count(*) FROM (SELECT DISTINCT check_id, resource_id, account_id, region, reason FROM check_findings WHERE evaluation_id = $1))::INT AS distinct_rows,
              (SELECT count(*) FROM findings WHERE scan_id IN (SELECT id FROM scans WHERE evaluation_id = $1))::INT AS shown`,
      [evaluations[0]!.evaluation_id],
    );
    // Each finding of each check once (a check may return two rows for one resource with different reasons)…
    expect(row!.stored).toBeGreaterThan(0);
    expect(row!.stored).toBeLessThanOrEqual(row!.distinct_rows + 10);
    // …while the findings view shows it under every requirement of every benchmark that maps the check.
    expect(row!.shown).toBeGreaterThan(row!.stored * 3);
  });

  it('refuses an unknown benchmark before recording any scan', async () => {
    const before = (await db.one<{ n: number }>('SELECT count(*)::INT AS n FROM scans'))!.n;
    await expect(evaluateBenchmarks({ db, benchmarkIds: ['cis-aws-3.0', 'no-such-benchmark'], trigger: 'test' })).rejects.toThrow(/unknown benchmark 'no-such-benchmark'/);
    expect((await db.one<{ n: number }>('SELECT count(*)::INT AS n FROM scans'))!.n).toBe(before);
  });
});

function single(id: string): ScanReport {
  return alone.find((r) => r.benchmark.id === id)!;
}
