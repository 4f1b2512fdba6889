import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../controls/engine.js';
import { summarise } from '../../controls/score.js';
import type { ControlReport, ScanReport, Status } from '../../controls/types.js';
import type { Database } from '../../schema/db.js';
import { migrate } from '../../schema/migrations.js';
import { seed } from '../support/checks.js';
import { memoryDb, tempDir } from '../support/db.js';

/** Score, coverage and data age (issue 8): no loss of data can raise a score. */

const account = '111111111111';
let dir: string;
let cleanup: () => void;
let db: Database;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  const check = (id: string, sql: string, table: string) => {
    writeFileSync(join(dir, `${id}.sql`), sql);
    writeFileSync(join(dir, `${id}.json`), JSON.stringify({ title: id, severity: 'high', tables: [table], scope: { table } }));
  };
  check('t_bucket_not_public', "SELECT arn AS resource_id, account_id, region, 'bucket is public' AS reason FROM aws_s3_buckets WHERE name LIKE 'public-%'", 'aws_s3_buckets');
  check('t_rds_encrypted', "SELECT arn AS resource_id, account_id, region, 'not encrypted' AS reason FROM aws_rds_db_instances WHERE NOT storage_encrypted", 'aws_rds_db_instances');
  mkdirSync(join(dir, 'benchmarks'));
  const req = (id: string, checks: string[], section: string) => ({ id, title: id, section, level: 1, assessment: 'Automated', checks });
  writeFileSync(join(dir, 'benchmarks', 'b.json'), JSON.stringify({
    id: 'acme', title: 'ACME', version: '1',
    requirements: [
      req('S.1', ['t_bucket_not_public'], 'Storage'),
      req('D.1', ['t_rds_encrypted'], 'Databases'),
      req('D.2', ['t_rds_encrypted'], 'Databases'),
      { id: 'M.1', title: 'a person looks', section: 'Storage', level: 1, assessment: 'Manual', checks: [] },
    ],
  }));
});
afterAll(() => cleanup());

beforeEach(async () => {
  db?.close();
  db = await memoryDb();
  await seed(db, 'aws_accounts', [{ account_id: account, arn: `arn:aws:::${account}`, partition: 'aws' }]);
  await seed(db, 'aws_regions', [{ region: 'us-east-1' }, { region: 'eu-west-1' }]);
  await scope('aws_s3_buckets', 'global', 'ok', '2026-11-20 06:00:00');
  await scope('aws_rds_db_instances', 'us-east-1', 'ok', '2026-11-21 06:00:00');
  await scope('aws_rds_db_instances', 'eu-west-1', 'ok', '2026-11-21 06:00:00');
  await seed(db, 'aws_s3_buckets', [{ name: 'logs', arn: 'arn:aws:s3:::logs', region: 'us-east-1' }]);
  await seed(db, 'aws_rds_db_instances', [{ arn: `arn:aws:rds:us-east-1:${account}:db:db1`, db_instance_identifier: 'db1', storage_encrypted: false }]);
});

async function scope(table: string, region: string, status: 'ok' | 'error', syncedAt: string, error: string | null = null): Promise<void> {
  await db.run(
    `INSERT OR REPLACE INTO sync_scopes (account_id, region, table_name, status, stale, row_count, synced_at, attempted_at, run_id, error)
     VALUES (?, ?, ?, ?, ?, 1, CAST(? AS TIMESTAMP), now(), 'run-1', ?)`,
    [account, region, table, status, status === 'error', syncedAt, error],
  );
}

// The scopes carry fixed dates in November 2026; the data-age rule (tested in data-in-doubt.test.ts) is off here so
// these cases judge the score and coverage alone, whatever day they run.
const evaluate = (): Promise<ScanReport> => evaluateBenchmark({ db, benchmarkId: 'acme', checksDirs: [dir], limits: { maxDataAgeMs: 0 } });

describe('score', () => {
  it('does not rise when a sync loses a service and its FAILs become ERRORs', async () => {
    const before = await evaluate();
    expect(before.summary).toMatchObject({ score: 33.3, pass: 1, fail: 2, error: 0, score_formula: 'PASS / (PASS + FAIL + ERROR)' });
    // The role loses RDS access: both regions' collections fail, the failing database can no longer be seen.
    await scope('aws_rds_db_instances', 'us-east-1', 'error', '2026-11-21 06:00:00', 'DescribeDBInstances: AccessDenied');
    await scope('aws_rds_db_instances', 'eu-west-1', 'error', '2026-11-21 06:00:00', 'DescribeDBInstances: AccessDenied');
    const after = await evaluate();
    expect(after.controls.filter((c) => c.id.startsWith('D.')).map((c) => c.status)).toEqual(['ERROR', 'ERROR']);
    expect(after.summary).toMatchObject({ score: 33.3, pass: 1, fail: 0, error: 2, trend: 0 });
    expect(after.summary.score!).toBeLessThanOrEqual(before.summary.score!);
    // Losing the storage service too takes the last PASS into ERROR: the score falls to 0, not to "n/a".
    await scope('aws_s3_buckets', 'global', 'error', '2026-11-20 06:00:00', 'ListBuckets: AccessDenied');
    expect((await evaluate()).summary).toMatchObject({ score: 0, trend: -33.3 });
  });

  it('scores every section with the same formula, and the sections add up to the totals', async () => {
    await scope('aws_rds_db_instances', 'eu-west-1', 'error', '2026-11-21 06:00:00', 'Throttling');
    await db.run("DELETE FROM aws_rds_db_instances");
    const { summary } = await evaluate();
    expect(summary.sections).toEqual([
      { section: 'Storage', score: 100, pass: 1, fail: 0, skip: 0, error: 0, manual: 1 },
      { section: 'Databases', score: 0, pass: 0, fail: 0, skip: 0, error: 2, manual: 0 },
    ]);
    for (const k of ['pass', 'fail', 'skip', 'error', 'manual'] as const) expect(summary.sections!.reduce((n, x) => n + x[k], 0)).toBe(summary[k]);
  });

  it('never rises in a pure recount when any FAIL turns ERROR', () => {
    const c = (id: string, status: Status): ControlReport => ({ id, title: id, section: 'S', level: 1, severity: 'high', status, reason: '', affected_count: 0, evaluated_count: 0, resources: [] });
    const statuses: Status[] = ['PASS', 'PASS', 'FAIL', 'FAIL', 'FAIL', 'SKIP', 'MANUAL'];
    const base = summarise(statuses.map((s, i) => c(String(i), s)), null).score!;
    for (let i = 2; i <= 4; i++) {
      const lost = statuses.map((s, j) => c(String(j), j >= 2 && j <= i ? 'ERROR' : s));
      expect(summarise(lost, null).score).toBe(base);
    }
    expect(summarise([c('1', 'SKIP'), c('2', 'MANUAL')], null).score).toBeNull();
  });
});

describe('coverage and data age', () => {
  it('counts automated requirements with a trustworthy verdict and stores them with the scan', async () => {
    await db.run("DELETE FROM aws_rds_db_instances");
    await scope('aws_rds_db_instances', 'eu-west-1', 'error', '2026-11-21 06:00:00', 'Throttling');
    const report = await evaluate();
    // S.1 PASS is trusted, D.1/D.2 ERROR are not, M.1 is not automated.
    expect(report.summary.coverage).toEqual({ trusted: 1, automated: 3 });
    const row = await db.one<{ trusted: number; automated: number }>('SELECT trusted, automated FROM scans WHERE id = ?', [report.scan.id]);
    expect(row).toEqual({ trusted: 1, automated: 3 });
  });

  it('counts SKIP as a trustworthy verdict (nothing in scope on data that synced)', async () => {
    await db.run('DELETE FROM aws_rds_db_instances');
    const report = await evaluate();
    expect(report.controls.map((c) => c.status)).toEqual(['PASS', 'SKIP', 'SKIP', 'MANUAL']);
    expect(report.summary.coverage).toEqual({ trusted: 3, automated: 3 });
  });

  it('reports the oldest collection time among the scopes the checks read, a stale one included, and keeps it in history', async () => {
    // A stale scope keeps the time its rows were collected: that is what makes the data old.
    await scope('aws_rds_db_instances', 'eu-west-1', 'error', '2026-11-02 09:30:00', 'AccessDenied');
    // Neither a region out of scope nor a table no check reads counts.
    await scope('aws_rds_db_instances', 'ap-south-1', 'ok', '2025-01-01 00:00:00');
    await scope('aws_kms_keys', 'us-east-1', 'ok', '2025-01-01 00:00:00');
    const report = await evaluate();
    expect(report.summary.oldest_data_at).toBe('2026-11-02T09:30:00.000Z');
    const row = await db.one<{ oldest_data_at: string }>('SELECT oldest_data_at FROM scans WHERE id = ?', [report.scan.id]);
    expect(row?.oldest_data_at).toBe('2026-11-02T09:30:00.000Z');
    await scope('aws_rds_db_instances', 'eu-west-1', 'ok', '2026-11-22 09:30:00');
    expect((await evaluate()).summary.oldest_data_at).toBe('2026-11-20T06:00:00.000Z');
  });

  it('has no data age when the benchmark read no synced scope', async () => {
    await db.run('DELETE FROM sync_scopes');
    expect((await evaluate()).summary.oldest_data_at).toBeNull();
  });
});

describe('migration 10', () => {
  it('rescores scans stored with the old formula, with their sections, trend and coverage', async () => {
    await db.run('DELETE FROM schema_migrations WHERE version = 10');
    for (const c of ['trusted', 'automated', 'oldest_data_at']) await db.run(`ALTER TABLE scans DROP COLUMN ${c}`);
    const old = (id: string, started: string, pass: number, fail: number, error: number) =>
      db.run(
        `INSERT INTO scans (id, benchmark_id, started_at, status, score, pass, fail, skip, error, manual, summary)
         VALUES (?, 'acme', CAST(? AS TIMESTAMP), 'complete', ?, ?, ?, 1, ?, 0, ?)`,
        [id, started, (100 * pass) / (pass + fail), pass, fail, error,
          JSON.stringify({ score: (100 * pass) / (pass + fail), pass, fail, skip: 1, error, manual: 0, trend: null, sections: [{ section: 'S', score: 0, pass, fail, skip: 1, error, manual: 0 }] })],
      );
    await old('a', '2026-11-01 00:00:00', 2, 2, 0);
    await old('b', '2026-11-02 00:00:00', 2, 0, 2); // the old formula said 100: the FAILs had become ERRORs
    await migrate(db);
    const rows = await db.all<{ id: string; score: number; trusted: number; automated: number; summary: string }>(
      'SELECT id, score, trusted, automated, CAST(summary AS VARCHAR) AS summary FROM scans ORDER BY id',
    );
    expect(rows.map((r) => [r.id, r.score, r.trusted, r.automated])).toEqual([['a', 50, 5, 5], ['b', 50, 3, 5]]);
    const b = JSON.parse(rows[1]!.summary);
    expect(b).toMatchObject({ score: 50, trend: 0, score_formula: 'PASS / (PASS + FAIL + ERROR)', coverage: { trusted: 3, automated: 5 } });
    expect(b.sections[0].score).toBe(50);
  });
});
