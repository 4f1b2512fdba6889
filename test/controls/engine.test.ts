import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { computeReportId, evaluateBenchmark, latestScanId, listBenchmarks, loadCatalog, loadScanReport, UnknownBenchmarkError } from '../../controls/engine.js';
import type { ControlReport, ScanReport } from '../../controls/types.js';
import type { Database } from '../../schema/db.js';
import { seed } from '../support/checks.js';
import { memoryDb, tempDir } from '../support/db.js';

const account = '111111111111';
let dir: string;
let cleanup: () => void;
let db: Database;

function writeCheck(id: string, sql: string, meta: Record<string, unknown> | string): void {
  writeFileSync(join(dir, `${id}.sql`), sql);
  writeFileSync(join(dir, `${id}.json`), typeof meta === 'string' ? meta : JSON.stringify(meta));
}

const bucketsMeta = { title: 'No bucket is named public-*', severity: 'high', tables: ['aws_s3_buckets'], scope: { table: 'aws_s3_buckets' } };
const rdsMeta = { title: 'RDS storage is encrypted', severity: 'critical', tables: ['aws_rds_db_instances'], scope: { table: 'aws_rds_db_instances' } };

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  writeCheck('t_bucket_not_public', "SELECT arn AS resource_id, account_id, region, 'bucket ' || name || ' is named public' AS reason, name AS bucket_name\nFROM aws_s3_buckets\nWHERE name LIKE 'public-%'", bucketsMeta);
  writeCheck('t_rds_encrypted', "SELECT arn AS resource_id, account_id, region, 'storage is not encrypted' AS reason FROM aws_rds_db_instances WHERE NOT storage_encrypted;\n", rdsMeta);
  writeCheck('t_syntax_error', "SELECT arn AS resource_id, account_id, region, 'x' AS reason\nFROM aws_s3_buckets\nWHERE name LIKE 'a%' ORDER ORDER", bucketsMeta);
  writeCheck('t_no_reason', 'SELECT arn AS resource_id, account_id, region FROM aws_s3_buckets', bucketsMeta);
  writeCheck('t_unknown_table', "SELECT 'r' AS resource_id, account_id, region, 'x' AS reason\nFROM aws_nonexistent_things", { ...bucketsMeta, tables: ['aws_nonexistent_things'] });
  writeCheck('t_bad_json', "SELECT 'r' AS resource_id, account_id, region, 'x' AS reason FROM aws_accounts", '{ "title": "broken", ');
  writeCheck('t_no_severity', "SELECT 'r' AS resource_id, account_id, region, 'x' AS reason FROM aws_accounts", { title: 't', tables: ['aws_accounts'], scope: { table: 'aws_accounts' } });
  writeCheck(
    't_region_has_database',
    "SELECT r.account_id || ':' || r.region AS resource_id, r.account_id, r.region, 'no database in ' || r.region AS reason\nFROM aws_regions r LEFT JOIN aws_rds_db_instances d ON d.account_id = r.account_id AND d.region = r.region\nWHERE d.arn IS NULL",
    { title: 'Every region has a database', severity: 'low', tables: ['aws_regions', 'aws_rds_db_instances'], scope: { table: 'aws_regions' } },
  );
  mkdirSync(join(dir, 'benchmarks'));
  writeFileSync(
    join(dir, 'benchmarks', 'regions.json'),
    JSON.stringify({ id: 'acme-regions', title: 'Regions', version: '1', requirements: [{ id: 'R.1', title: 'databases everywhere', section: 'S', level: 1, assessment: 'Automated', checks: ['t_region_has_database'] }] }),
  );
  const req = (id: string, checks: string[], section = 'Storage') => ({ id, title: `requirement ${id}`, section, level: 1, assessment: 'Automated', checks });
  writeFileSync(
    join(dir, 'benchmarks', 'acme.json'),
    JSON.stringify({
      id: 'acme-baseline',
      title: 'ACME baseline',
      version: '1.0',
      requirements: [
        req('A.1', ['t_bucket_not_public']),
        req('A.2', ['t_rds_encrypted']),
        { id: 'A.3', title: 'a person checks the contacts', section: 'Storage', level: 1, assessment: 'Manual', checks: [], evidence: 'Look at the contacts page.' },
        req('B.1', ['t_bucket_not_public'], 'Other'),
      ],
    }),
  );
  writeFileSync(
    join(dir, 'benchmarks', 'broken-checks.json'),
    JSON.stringify({
      id: 'acme-broken',
      title: 'Broken checks',
      version: '1',
      requirements: [
        req('X.1', ['t_syntax_error']),
        req('X.2', ['t_no_reason']),
        req('X.3', ['t_unknown_table']),
        req('X.4', ['t_bad_json']),
        req('X.5', ['t_no_severity']),
        req('X.6', ['no_such_check']),
        req('X.7', ['t_bucket_not_public']),
      ],
    }),
  );
});
afterAll(() => cleanup());

beforeEach(async () => {
  db?.close();
  db = await memoryDb();
  await seed(db, 'aws_accounts', [{ account_id: account, arn: `arn:aws:::${account}`, partition: 'aws' }]);
  await seed(db, 'aws_regions', [{ region: 'us-east-1' }, { region: 'eu-west-1' }]);
  await scope('aws_s3_buckets', 'global', 'ok');
  await scope('aws_rds_db_instances', 'us-east-1', 'ok');
  await scope('aws_rds_db_instances', 'eu-west-1', 'ok');
});

async function scope(table: string, region: string, status: 'ok' | 'error', error: string | null = null): Promise<void> {
  await db.run(
    `INSERT OR REPLACE INTO sync_scopes (account_id, region, table_name, status, stale, row_count, synced_at, attempted_at, run_id, error)
     VALUES (?, ?, ?, ?, ?, 0, now(), now(), 'run-1', ?)`,
    [account, region, table, status, status === 'error', error],
  );
}

const bucket = (name: string) => ({ name, arn: `arn:aws:s3:::${name}`, region: 'us-east-1' });
const rds = (id: string, encrypted: boolean, region = 'us-east-1') => ({ arn: `arn:aws:rds:${region}:${account}:db:${id}`, db_instance_identifier: id, storage_encrypted: encrypted, region });

function evaluate(benchmarkId = 'acme-baseline', extra: Partial<Parameters<typeof evaluateBenchmark>[0]> = {}): Promise<ScanReport> {
  return evaluateBenchmark({ db, benchmarkId, checksDirs: [dir], ...extra });
}

const control = (report: ScanReport, id: string): ControlReport => {
  const c = report.controls.find((x) => x.id === id);
  if (!c) throw new Error(`no control ${id} in report`);
  return c;
};

describe('evaluateBenchmark', () => {
  it('passes a requirement whose check finds nothing among the resources in scope', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('logs'), bucket('data')]);
    const report = await evaluate();
    expect(control(report, 'A.1')).toMatchObject({ status: 'PASS', affected_count: 0, evaluated_count: 2, resources: [], severity: 'high' });
  });

  it('fails a requirement whose check returns rows and lists each failing resource with its evidence', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('logs'), bucket('public-site')]);
    const report = await evaluate('acme-baseline', { includeEvidence: true });
    const a1 = control(report, 'A.1');
    expect(a1.status).toBe('FAIL');
    expect(a1.affected_count).toBe(1);
    expect(a1.evaluated_count).toBe(2);
    expect(a1.resources).toEqual([
      { resource_id: 'arn:aws:s3:::public-site', account_id: account, region: 'us-east-1', reason: 'bucket public-site is named public', evidence: { bucket_name: 'public-site' } },
    ]);
    expect(a1.reason).toMatch(/1 resource fails of 2 evaluated: bucket public-site is named public/);
    // The shared check ran once, yet both requirements that map it report its finding.
    expect(control(report, 'B.1').status).toBe('FAIL');
    const stored = await db.all<{ control_id: string; check_id: string }>('SELECT control_id, check_id FROM findings WHERE scan_id = ? ORDER BY control_id', [report.scan.id]);
    expect(stored).toEqual([
      { control_id: 'A.1', check_id: 't_bucket_not_public' },
      { control_id: 'B.1', check_id: 't_bucket_not_public' },
    ]);
  });

  it('reports ERROR, never PASS, when a table the check reads failed to sync in one region', async () => {
    await seed(db, 'aws_rds_db_instances', [rds('db1', true)]);
    await scope('aws_rds_db_instances', 'eu-west-1', 'error', 'DescribeDBInstances: AccessDenied: not authorized');
    const report = await evaluate();
    const a2 = control(report, 'A.2');
    expect(a2.status).toBe('ERROR');
    expect(a2.reason).toContain(`aws_rds_db_instances failed to sync in ${account}/eu-west-1`);
    expect(a2.reason).toContain('AccessDenied');
  });

  it('reports ERROR when a table was never synced for an account the inventory covers', async () => {
    await db.run("DELETE FROM sync_scopes WHERE table_name = 'aws_s3_buckets'");
    const report = await evaluate();
    expect(control(report, 'A.1').status).toBe('ERROR');
    expect(control(report, 'A.1').reason).toContain(`aws_s3_buckets was never synced in ${account}/global`);
  });

  it('reports ERROR for an account whose role the last sync could not assume, since its rows are stale', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('logs')]);
    await db.run(`UPDATE sync_scopes SET attempted_at = now() - INTERVAL 1 DAY, synced_at = now() - INTERVAL 1 DAY`);
    await db.run(
      `INSERT INTO sync_errors (run_id, account_id, region, service, operation, error_code, message, occurred_at)
       VALUES ('run-2', ?, 'global', 'sts', 'AssumeRole', 'AccessDenied', 'not authorized to perform sts:AssumeRole', now())`,
      [account],
    );
    const a1 = control(await evaluate(), 'A.1');
    expect(a1.status).toBe('ERROR');
    expect(a1.reason).toMatch(/aws_s3_buckets failed to sync in 111111111111\/global \(the last sync could not assume its role in this account \(AccessDenied: not authorized/);
  });

  it('keeps FAIL when findings exist even though another scope errored, and says what could not be verified', async () => {
    await seed(db, 'aws_rds_db_instances', [rds('db1', false)]);
    await scope('aws_rds_db_instances', 'eu-west-1', 'error', 'DescribeDBInstances: Throttling');
    const a2 = control(await evaluate(), 'A.2');
    expect(a2.status).toBe('FAIL');
    expect(a2.reason).toMatch(/storage is not encrypted.*could not be verified.*eu-west-1/);
    const row = await db.one<{ error: string }>("SELECT error FROM control_results WHERE control_id = 'A.2'");
    expect(row?.error).toContain('Throttling');
  });

  it('reports ERROR, not FAIL, when the only findings lie in the scope whose collection failed', async () => {
    await seed(db, 'aws_rds_db_instances', [rds('db1', true, 'us-east-1')]);
    await scope('aws_rds_db_instances', 'eu-west-1', 'error', 'DescribeDBInstances: InternalFailure: HTTP 500');
    const r1 = control(await evaluate('acme-regions'), 'R.1');
    expect(r1.status).toBe('ERROR');
    expect(r1.reason).toMatch(/failed to sync in 111111111111\/eu-west-1.*1 finding\(s\) fall in those scopes and are listed, unconfirmed/);
    expect(r1.resources.map((r) => r.region)).toEqual(['eu-west-1']);
    await scope('aws_rds_db_instances', 'eu-west-1', 'ok');
    expect(control(await evaluate('acme-regions'), 'R.1').status).toBe('FAIL');
  });

  it('skips a requirement when nothing is in scope, and reports MANUAL with the evidence to look at', async () => {
    const report = await evaluate();
    expect(control(report, 'A.2')).toMatchObject({ status: 'SKIP', evaluated_count: 0 });
    expect(control(report, 'A.2').reason).toContain('no rows in aws_rds_db_instances');
    expect(control(report, 'A.3')).toMatchObject({ status: 'MANUAL', reason: 'Look at the contacts page.', severity: null });
  });

  it('scores PASS / (PASS + FAIL + ERROR) and reports the trend against the previous scan of the benchmark', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('public-site')]);
    await seed(db, 'aws_rds_db_instances', [rds('db1', true)]);
    const first = await evaluate();
    expect(first.summary).toMatchObject({ score: 33.3, pass: 1, fail: 2, skip: 0, error: 0, manual: 1, critical_failed: 0, high_failed: 2, trend: null });
    expect(first.summary.sections).toEqual([
      { section: 'Storage', score: 50, pass: 1, fail: 1, skip: 0, error: 0, manual: 1 },
      { section: 'Other', score: 0, pass: 0, fail: 1, skip: 0, error: 0, manual: 0 },
    ]);
    await db.run("DELETE FROM aws_s3_buckets WHERE name = 'public-site'");
    await seed(db, 'aws_s3_buckets', [bucket('private-site')]);
    const second = await evaluate();
    expect(second.summary).toMatchObject({ score: 100, pass: 3, fail: 0, trend: 66.7 });
    expect(await latestScanId(db, 'acme-baseline')).toBe(second.scan.id);
    const scans = await db.all<{ status: string; score: number }>("SELECT status, score FROM scans ORDER BY started_at");
    expect(scans).toEqual([{ status: 'complete', score: 33.3 }, { status: 'complete', score: 100 }]);
  });

  it('counts critical failures by the highest severity of the checks a requirement maps', async () => {
    await seed(db, 'aws_rds_db_instances', [rds('db1', false), rds('db2', false, 'eu-west-1')]);
    const report = await evaluate();
    expect(control(report, 'A.2')).toMatchObject({ status: 'FAIL', severity: 'critical', affected_count: 2 });
    expect(report.summary.critical_failed).toBe(1);
  });

  it('reports a broken custom check as ERROR naming its file and line, while the other checks still evaluate', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('public-site')]);
    const report = await evaluate('acme-broken');
    const reason = (id: string) => control(report, id).reason;
    expect(report.controls.map((c) => [c.id, c.status])).toEqual([
      ['X.1', 'ERROR'], ['X.2', 'ERROR'], ['X.3', 'ERROR'], ['X.4', 'ERROR'], ['X.5', 'ERROR'], ['X.6', 'ERROR'], ['X.7', 'FAIL'],
    ]);
    expect(reason('X.1')).toContain(join(dir, 't_syntax_error.sql'));
    expect(reason('X.1')).toMatch(/LINE 3/);
    expect(reason('X.2')).toMatch(/t_no_reason\.sql: the query must return the columns .*missing reason/);
    expect(reason('X.3')).toMatch(/t_unknown_table\.sql: reads aws_nonexistent_things, which is not a table/);
    expect(reason('X.4')).toMatch(/t_bad_json\.json: invalid JSON/);
    expect(reason('X.5')).toMatch(/t_no_severity\.json: severity/);
    expect(reason('X.6')).toMatch(/broken-checks\.json: maps unknown check 'no_such_check'/);
  });

  it('reports a check whose SQL does not run (a missing column) with the line DuckDB names', async () => {
    writeCheck('t_bad_column', "SELECT arn AS resource_id, account_id, region,\n  'x' AS reason\nFROM aws_s3_buckets WHERE no_such_column", bucketsMeta);
    writeFileSync(join(dir, 'benchmarks', 'bad-column.json'), JSON.stringify({ id: 'acme-bad-column', title: 't', version: '1', requirements: [{ id: '1', title: 't', section: 's', level: 1, assessment: 'Automated', checks: ['t_bad_column'] }] }));
    const report = await evaluate('acme-bad-column');
    expect(control(report, '1').status).toBe('ERROR');
    expect(control(report, '1').reason).toMatch(/t_bad_column\.sql: Binder Error: .*no_such_column[\s\S]*LINE 3/);
  });

  it('calls onControl once per requirement as each completes', async () => {
    const seen: string[] = [];
    const report = await evaluate('acme-baseline', { onControl: (c) => seen.push(`${c.id}:${c.status}`) });
    expect(seen.sort()).toEqual(report.controls.map((c) => `${c.id}:${c.status}`).sort());
  });

  it('stores the scan so loadScanReport returns the same report, with a report id that recomputes', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('public-site'), bucket('public-two')]);
    const report = await evaluate();
    expect(report.scan.report_id).toMatch(/^[0-9a-f]{64}$/);
    const loaded = await loadScanReport(db, report.scan.id);
    expect(loaded).toEqual(report);
    expect(computeReportId(loaded!)).toBe(report.scan.report_id);
    expect(control(loaded!, 'A.1').resources[0]).toEqual({ resource_id: 'arn:aws:s3:::public-site', account_id: account, region: 'us-east-1', reason: 'bucket public-site is named public' });
    const withEvidence = await loadScanReport(db, report.scan.id, { evidence: true, account, region: 'us-east-1' });
    expect(control(withEvidence!, 'A.1').resources.map((r) => r.evidence)).toEqual([{ bucket_name: 'public-site' }, { bucket_name: 'public-two' }]);
    const failedOnly = await loadScanReport(db, report.scan.id, { status: 'FAIL' });
    expect(failedOnly!.controls.map((c) => c.id)).toEqual(['A.1', 'B.1']);
    expect(await loadScanReport(db, 'no-such-scan')).toBeNull();
  });

  it('gives the same report id for the same inventory and a different one when a finding changes', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('public-site')]);
    const a = await evaluate();
    const b = await evaluate();
    expect(b.scan.report_id).toBe(a.scan.report_id);
    await seed(db, 'aws_s3_buckets', [bucket('public-other')]);
    const c = await evaluate();
    expect(c.scan.report_id).not.toBe(a.scan.report_id);
  });

  it('refuses an unknown benchmark with the list of valid ones', async () => {
    await expect(evaluate('cis-aws-9.9')).rejects.toBeInstanceOf(UnknownBenchmarkError);
    await expect(evaluate('cis-aws-9.9')).rejects.toThrow(/Valid benchmarks: .*acme-baseline.*cis-aws-1\.4.*cis-aws-3\.0/);
  });

  it('lists benchmarks with requirement counts and the latest score', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('public-site')]);
    const report = await evaluate();
    const list = await listBenchmarks(db, { checksDirs: [dir] });
    expect(list.find((b) => b.id === 'cis-aws-3.0')).toMatchObject({ requirements: 62, builtin: true, latest_score: null });
    expect(list.find((b) => b.id === 'acme-baseline')).toMatchObject({ requirements: 4, automated: 3, manual: 1, checks: 2, builtin: false, latest_scan_id: report.scan.id, latest_score: 0 });
  });

  it('reads custom directories from CALABI_CHECKS and refuses one that does not exist', () => {
    expect(loadCatalog({ env: { CALABI_CHECKS: `${dir}:${dir}` } }).benchmarks.has('acme-baseline')).toBe(true);
    expect(() => loadCatalog({ checksDirs: [join(dir, 'missing')] })).toThrow(/missing does not exist. Fix --checks or \$CALABI_CHECKS/);
  });
});
