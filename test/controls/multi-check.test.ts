import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { computeReportId, evaluateBenchmark } from '../../controls/engine.js';
import type { ControlReport, ScanReport } from '../../controls/types.js';
import type { Database } from '../../schema/db.js';
import { seed } from '../support/checks.js';
import { memoryDb, tempDir } from '../support/db.js';

// Issue 3: "A requirement with several checks fails if any fails." No other test maps more than one check to a
// requirement of a benchmark it evaluates.
const account = '111111111111';
let dir: string;
let cleanup: () => void;
let db: Database;

function writeCheck(id: string, sql: string, meta: Record<string, unknown>): void {
  writeFileSync(join(dir, `${id}.sql`), sql);
  writeFileSync(join(dir, `${id}.json`), JSON.stringify(meta));
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  writeCheck('rv_bucket_not_public', "SELECT arn AS resource_id, account_id, region, 'bucket is named public' AS reason FROM aws_s3_buckets WHERE name LIKE 'public-%'",
    { title: 'bucket', severity: 'medium', tables: ['aws_s3_buckets'], scope: { table: 'aws_s3_buckets' } });
  writeCheck('rv_rds_encrypted', "SELECT arn AS resource_id, account_id, region, 'storage is not encrypted' AS reason FROM aws_rds_db_instances WHERE NOT storage_encrypted",
    { title: 'rds', severity: 'critical', tables: ['aws_rds_db_instances'], scope: { table: 'aws_rds_db_instances' } });
  writeCheck('rv_broken', "SELECT arn AS resource_id, account_id, region, 'x' AS reason\nFROM aws_s3_buckets WHERE ORDER ORDER",
    { title: 'broken', severity: 'low', tables: ['aws_s3_buckets'], scope: { table: 'aws_s3_buckets' } });
  mkdirSync(join(dir, 'benchmarks'));
  const req = (id: string, checks: string[]) => ({ id, title: `requirement ${id}`, section: 'S', level: 1, assessment: 'Automated', checks });
  writeFileSync(join(dir, 'benchmarks', 'multi.json'), JSON.stringify({
    id: 'review-multi', title: 'Multi-check', version: '1',
    requirements: [req('M.1', ['rv_bucket_not_public', 'rv_rds_encrypted']), req('M.2', ['rv_rds_encrypted', 'rv_broken'])],
  }));
});
afterAll(() => cleanup());

beforeEach(async () => {
  db?.close();
  db = await memoryDb();
  await seed(db, 'aws_accounts', [{ account_id: account, arn: `arn:aws:::${account}`, partition: 'aws' }]);
  await seed(db, 'aws_regions', [{ region: 'us-east-1' }]);
  for (const [table, region] of [['aws_s3_buckets', 'global'], ['aws_rds_db_instances', 'us-east-1']] as const) {
    await db.run(
      `INSERT OR REPLACE INTO sync_scopes (account_id, region, table_name, status, stale, row_count, synced_at, attempted_at, run_id, error)
       VALUES (?, ?, ?, 'ok', false, 0, now(), now(), 'run-1', NULL)`,
      [account, region, table],
    );
  }
  await seed(db, 'aws_s3_buckets', [{ name: 'private-logs', arn: 'arn:aws:s3:::private-logs', region: 'us-east-1' }]);
});

const evaluate = (): Promise<ScanReport> => evaluateBenchmark({ db, benchmarkId: 'review-multi', checksDirs: [dir] });
const control = (r: ScanReport, id: string): ControlReport => r.controls.find((c) => c.id === id)!;
const rds = (id: string, encrypted: boolean) => ({ arn: `arn:aws:rds:us-east-1:${account}:db:${id}`, db_instance_identifier: id, storage_encrypted: encrypted });

describe('a requirement mapped to several checks', () => {
  it('passes only when every one of its checks passes', async () => {
    await seed(db, 'aws_rds_db_instances', [rds('db1', true)]);
    expect(control(await evaluate(), 'M.1').status).toBe('PASS');
  });

  it('fails when one of its checks fails though the other passes, listing that check\'s resource and its severity', async () => {
    await seed(db, 'aws_rds_db_instances', [rds('db1', false)]);
    const m1 = control(await evaluate(), 'M.1');
    expect(m1.status).toBe('FAIL');
    expect(m1.severity).toBe('critical');
    expect(m1.resources.map((r) => r.resource_id)).toEqual([`arn:aws:rds:us-east-1:${account}:db:db1`]);
    expect(m1.affected_count).toBe(1);
  });

  it('lists every failing check\'s findings in the report, built only when read, and counts them in the report id without building them', async () => {
    await seed(db, 'aws_s3_buckets', [{ name: 'public-site', arn: 'arn:aws:s3:::public-site', region: 'us-east-1' }]);
    await seed(db, 'aws_rds_db_instances', [rds('db1', false), rds('db2', false)]);
    const report = await evaluate();
    const m1 = control(report, 'M.1');
    // Nothing has read M.1's list yet: the engine, the stored scan and the report id counted without it.
    expect(Object.getOwnPropertyDescriptor(m1, 'resources')?.get).toBeTypeOf('function');
    expect(report.scan.report_id).toBe(computeReportId(report));
    const json = JSON.parse(JSON.stringify(m1)) as ControlReport;
    expect(Object.keys(json)).toEqual(['id', 'title', 'section', 'level', 'assessment', 'severity', 'status', 'reason', 'affected_count', 'evaluated_count', 'resources']);
    expect(json.resources.map((r) => r.resource_id).sort()).toEqual(['arn:aws:s3:::public-site', `arn:aws:rds:us-east-1:${account}:db:db1`, `arn:aws:rds:us-east-1:${account}:db:db2`].sort());
    // Read once, it is an ordinary array of its own: changing it changes no other requirement's.
    expect(Object.getOwnPropertyDescriptor(m1, 'resources')?.value).toBe(m1.resources);
    m1.resources.pop();
    expect(control(report, 'M.2').resources.map((r) => r.resource_id).sort()).toEqual([`arn:aws:rds:us-east-1:${account}:db:db1`, `arn:aws:rds:us-east-1:${account}:db:db2`]);
  });

  it('reports ERROR, never PASS, when one check cannot run and the other finds nothing', async () => {
    await seed(db, 'aws_rds_db_instances', [rds('db1', true)]);
    const m2 = control(await evaluate(), 'M.2');
    expect(m2.status).toBe('ERROR');
    expect(m2.reason).toContain('rv_broken.sql');
  });
});
