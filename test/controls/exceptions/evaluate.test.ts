import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmark, loadCatalog } from '../../../controls/engine.js';
import { createException, revokeException, type ExceptionContext } from '../../../controls/exceptions/store.js';
import type { Catalog } from '../../../controls/loader.js';
import type { Database } from '../../../schema/db.js';
import { resolveScan } from '../../../schema/scans.js';
import { parseCsv } from '../../../reports/csv.js';
import { exportScan } from '../../../reports/export.js';
import { seed } from '../../support/checks.js';
import { memoryDb, tempDir } from '../../support/db.js';

// Issue 14: an excepted finding keeps its data and is marked; a requirement whose every failing resource is
// excepted is EXCEPTED (not PASS); partially excepted stays FAIL; expired and revoked exceptions stop applying;
// each scan records which exception applied to which finding. Real DuckDB, the real engine and store.
const account = '111111111111';
let dir: string;
let cleanup: () => void;
let db: Database;
let catalog: Catalog;
const day = 86_400_000;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(join(dir, 'ex_bucket_public.sql'),
    "SELECT arn AS resource_id, account_id, region, 'bucket ' || name || ' is named public' AS reason\nFROM aws_s3_buckets WHERE name LIKE 'public-%'");
  writeFileSync(join(dir, 'ex_bucket_public.json'), JSON.stringify({ title: 'bucket', severity: 'high', tables: ['aws_s3_buckets'], scope: { table: 'aws_s3_buckets' } }));
  writeFileSync(join(dir, 'ex_sg_open.sql'),
    "SELECT arn AS resource_id, account_id, region, 'group ' || group_name || ' is open' AS reason\nFROM aws_ec2_security_groups WHERE group_name LIKE 'open-%'");
  writeFileSync(join(dir, 'ex_sg_open.json'), JSON.stringify({ title: 'sg', severity: 'medium', tables: ['aws_ec2_security_groups'], scope: { table: 'aws_ec2_security_groups' } }));
  mkdirSync(join(dir, 'benchmarks'));
  writeFileSync(join(dir, 'benchmarks', 'x.json'), JSON.stringify({
    id: 'review-exceptions', title: 'Exceptions', version: '1',
    requirements: [
      { id: 'X.1', title: 'no public buckets', section: 'S', assessment: 'Automated', checks: ['ex_bucket_public'] },
      { id: 'X.2', title: 'no open groups', section: 'S', assessment: 'Automated', checks: ['ex_sg_open'] },
    ],
  }));
  // The remediation plan's own benchmark: Y.1 maps both checks.
  writeFileSync(join(dir, 'benchmarks', 'y.json'), JSON.stringify({
    id: 'review-plan', title: 'Plan with exceptions', version: '1',
    requirements: [
      { id: 'Y.1', title: 'no public buckets or open groups', section: 'S', assessment: 'Automated', severity: 'high', checks: ['ex_bucket_public', 'ex_sg_open'] },
      { id: 'Y.2', title: 'no public buckets', section: 'S', assessment: 'Automated', severity: 'high', checks: ['ex_bucket_public'] },
      { id: 'Y.3', title: 'no open groups', section: 'S', assessment: 'Automated', severity: 'high', checks: ['ex_sg_open'] },
    ],
  }));
  catalog = loadCatalog({ checksDirs: [dir] });
  db = await memoryDb();
  await seed(db, 'aws_accounts', [{ account_id: account, arn: `arn:aws:::${account}`, partition: 'aws' }]);
  await seed(db, 'aws_regions', [{ region: 'eu-west-1' }]);
  for (const t of ['aws_s3_buckets', 'aws_ec2_security_groups']) {
    await db.run(`INSERT INTO sync_scopes VALUES (?, ?, ?, 'ok', false, 2, now(), now(), 'run-1', NULL)`, [account, t === 'aws_s3_buckets' ? 'global' : 'eu-west-1', t]);
  }
  await seed(db, 'aws_s3_buckets', ['public-logs-a', 'public-web'].map((name) => ({ name, arn: `arn:aws:s3:::${name}`, region: 'eu-west-1' })));
  await seed(db, 'aws_ec2_security_groups', [
    { arn: `arn:aws:ec2:eu-west-1:${account}:security-group/sg-1`, group_name: 'open-legacy', region: 'eu-west-1', tags: JSON.stringify({ env: 'legacy' }) },
    { arn: `arn:aws:ec2:eu-west-1:${account}:security-group/sg-2`, group_name: 'open-prod', region: 'eu-west-1', tags: JSON.stringify({ env: 'prod' }) },
  ]);
});
afterAll(() => {
  db?.close();
  cleanup();
});

const ctx = (now = new Date()): ExceptionContext => ({ catalog, actor: 'alice', now });
const evaluate = () => evaluateBenchmark({ db, benchmarkId: 'review-exceptions', checksDirs: [dir], catalog });
async function csvFindings(scanId: string): Promise<string> {
  const scan = await resolveScan(db, scanId);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportScan(db, scan, out, { format: 'csv', level: 'findings' });
  return Buffer.concat(chunks).toString('utf8');
}
const status = (r: Awaited<ReturnType<typeof evaluate>>, id: string) => r.controls.find((c) => c.id === id)!;

describe('exceptions in an evaluation', () => {
  it('keeps the report id of a scan without exceptions identical to one evaluated before any existed', async () => {
    const a = await evaluate();
    const b = await evaluate();
    expect(a.scan.report_id).toBe(b.scan.report_id);
    expect(a.summary.score).toBe(a.summary.score_with_exceptions);
    expect(status(a, 'X.1').status).toBe('FAIL');
  });

  it('leaves a requirement FAIL when only some of its failing resources are excepted, marking those', async () => {
    const e = await createException(db, { check: 'ex_bucket_public', resource: 'arn:aws:s3:::public-logs-*', justification: 'log buckets are public by design', owner: 'team-logs', expires: new Date(Date.now() + 30 * day).toISOString() }, ctx());
    const r = await evaluate();
    const x1 = status(r, 'X.1');
    expect(x1.status).toBe('FAIL');
    expect(x1.reason).toContain('1 of the findings is excepted');
    expect(x1.resources.find((f) => f.resource_id === 'arn:aws:s3:::public-logs-a')?.exception_id).toBe(e.id);
    expect(x1.resources.find((f) => f.resource_id === 'arn:aws:s3:::public-web')?.exception_id).toBeUndefined();
    const recorded = await db.all('SELECT control_id, check_id, resource_id, exception_id, revision FROM excepted_findings WHERE scan_id = ?', [r.scan.id]);
    expect(recorded).toEqual([{ control_id: 'X.1', check_id: 'ex_bucket_public', resource_id: 'arn:aws:s3:::public-logs-a', exception_id: e.id, revision: 1 }]);

    // The auditors' findings export keeps both findings and says which exception accepted the one it covers.
    const rows = [...parseCsv(await csvFindings(r.scan.id))];
    const at = rows[0]!.indexOf('Excepted by');
    const exceptedBy = Object.fromEntries(rows.slice(1).filter((row) => row[0] === 'X.1').map((row) => [row[rows[0]!.indexOf('Resource')], row[at]]));
    expect(exceptedBy).toEqual({ 'arn:aws:s3:::public-logs-a': e.id, 'arn:aws:s3:::public-web': '' });
    await revokeException(db, e.id, { actor: 'bob', now: new Date() });
  });

  it('makes a requirement EXCEPTED, not PASS, when every failing resource is excepted, and scores it both ways', async () => {
    const e = await createException(db, { benchmark: 'review-exceptions', requirement: 'X.1', account, justification: 'accepted until the migration', owner: 'team-web', expires: new Date(Date.now() + 10 * day).toISOString() }, ctx());
    const r = await evaluate();
    expect(status(r, 'X.1').status).toBe('EXCEPTED');
    expect(status(r, 'X.1').resources).toHaveLength(2);
    expect(status(r, 'X.2').status).toBe('FAIL');
    expect(r.summary.excepted).toBe(1);
    expect(r.summary.score).toBe(0); // EXCEPTED counts as FAIL in the headline score
    expect(r.summary.score_with_exceptions).toBe(50); // and as passing in the score with exceptions
    const row = await db.one<{ excepted: number; score_with_exceptions: number }>('SELECT excepted, score_with_exceptions FROM scans WHERE id = ?', [r.scan.id]);
    expect(row).toEqual({ excepted: 1, score_with_exceptions: 50 });

    // Revoked: the next evaluation fails again, and the earlier scan still says which exception applied.
    await revokeException(db, e.id, { actor: 'bob', now: new Date() });
    const again = await evaluate();
    expect(status(again, 'X.1').status).toBe('FAIL');
    const { loadScanReport } = await import('../../../controls/engine.js');
    const before = await loadScanReport(db, r.scan.id);
    expect(before!.controls.find((c) => c.id === 'X.1')!.status).toBe('EXCEPTED');
    expect(before!.controls.find((c) => c.id === 'X.1')!.resources.every((f) => f.exception_id === e.id)).toBe(true);
    const frozen = await db.one<{ revision: number }>('SELECT revision FROM scan_exceptions WHERE scan_id = ? AND exception_id = ?', [r.scan.id, e.id]);
    expect(frozen?.revision).toBe(1);
  });

  it('matches a tag scope on the tags the inventory holds for the resource', async () => {
    const e = await createException(db, { check: 'ex_sg_open', tag: 'env=legacy', justification: 'legacy VPC, being retired', owner: 'net', expires: new Date(Date.now() + 5 * day).toISOString() }, ctx());
    const r = await evaluate();
    const x2 = status(r, 'X.2');
    expect(x2.status).toBe('FAIL');
    expect(x2.resources.filter((f) => f.exception_id === e.id).map((f) => f.resource_id)).toEqual([`arn:aws:ec2:eu-west-1:${account}:security-group/sg-1`]);
    await revokeException(db, e.id, { actor: 'alice', now: new Date() });
  });

  it('stops applying an exception at the first evaluation at or after its expiry', async () => {
    // Created "yesterday" with a one-day life: it expired a moment ago. The store refuses a past expiry, so the
    // clock of the creating context is moved back instead.
    const expires = new Date(Date.now() - 1000);
    const e = await createException(db, { check: 'ex_sg_open', justification: 'short', owner: 'net', expires: expires.toISOString() }, ctx(new Date(expires.getTime() - day)));
    const r = await evaluate();
    expect(status(r, 'X.2').status).toBe('FAIL');
    expect(status(r, 'X.2').resources.some((f) => f.exception_id === e.id)).toBe(false);
    expect(await db.one('SELECT count(*)::INT AS n FROM scan_exceptions WHERE scan_id = ?', [r.scan.id])).toEqual({ n: 0 });
  });
});

describe('exceptions in the auditors\' exports', () => {
  it('lists every exception in force with justification and owner: an XLSX sheet of its own and a PDF section', async () => {
    const { PassThrough } = await import('node:stream');
    const ExcelJS = (await import('exceljs')).default;
    const { writeXlsx } = await import('../../../reports/xlsx.js');
    const { writePdf } = await import('../../../reports/pdf.js');
    const { scanById } = await import('../../../schema/scans.js');
    const e = await createException(db, { check: 'ex_sg_open', justification: 'retiring the legacy VPC in Q1', owner: 'team-net', ticket: 'https://tickets.example/NET-7', expires: new Date(Date.now() + 20 * day).toISOString() }, ctx());
    const r = await evaluate();
    expect(status(r, 'X.2').status).toBe('EXCEPTED');
    const scan = (await scanById(db, r.scan.id))!;
    const collect = async (write: (out: InstanceType<typeof PassThrough>) => Promise<void>) => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      await write(out);
      return Buffer.concat(chunks);
    };
    const xlsx = await collect((out) => writeXlsx(db, scan, r.scan.report_id!, out));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as never);
    const sheet = wb.getWorksheet('Exceptions')!;
    expect(sheet).toBeDefined();
    const row = sheet.getRow(2).values as unknown[];
    expect(row).toContain(e.id);
    expect(row).toContain('retiring the legacy VPC in Q1');
    expect(row).toContain('team-net');
    const pdf = await collect((out) => writePdf(db, scan, r.scan.report_id!, out));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await revokeException(db, e.id, { actor: 'alice', now: new Date() });
  });
});

describe('exceptions in the remediation plan', () => {
  it('plans only the findings no exception accepted, and projects EXCEPTED where accepted ones remain', async () => {
    const { remediationPlan } = await import('../../../reports/plan-data.js');
    const expires = new Date(Date.now() + 30 * day).toISOString();
    const logs = await createException(db, { check: 'ex_bucket_public', resource: 'arn:aws:s3:::public-logs-*', justification: 'log buckets are public by design', owner: 'team-logs', expires }, ctx());
    const groups = await createException(db, { check: 'ex_sg_open', justification: 'legacy groups, being retired', owner: 'net', expires }, ctx());
    const r = await evaluateBenchmark({ db, benchmarkId: 'review-plan', catalog });
    expect(r.controls.map((c) => [c.id, c.status])).toEqual([['Y.1', 'FAIL'], ['Y.2', 'FAIL'], ['Y.3', 'EXCEPTED']]);

    const plan = await remediationPlan(db, catalog, { benchmarkId: 'review-plan', scan: r.scan.id });
    // Every open group is accepted, so their check is no item though Y.1 maps it; the accepted bucket is not listed.
    expect(plan.phases.flatMap((p) => p.items).map((i) => [i.id, i.resource_count, i.resources.map((x) => x.resource_id), i.fixes.map((f) => `${f.id} ${f.becomes}`)])).toEqual([
      ['ex_bucket_public', 1, ['arn:aws:s3:::public-web'], ['Y.1 EXCEPTED', 'Y.2 EXCEPTED']],
    ]);
    // What the engine reports once the open bucket is fixed: the check then returns only the accepted rows.
    const check = catalog.checks.get('ex_bucket_public')!;
    const fixed: Catalog = { ...catalog, checks: new Map(catalog.checks).set(check.id, { ...check, sql: `SELECT * FROM (\n${check.sql}\n) q WHERE resource_id LIKE 'arn:aws:s3:::public-logs-%'` }) };
    const real = await evaluateBenchmark({ db, benchmarkId: 'review-plan', catalog: fixed });
    expect(real.controls.map((c) => c.status)).toEqual(['EXCEPTED', 'EXCEPTED', 'EXCEPTED']);
    const { score, pass, fail, error, excepted } = real.summary;
    expect(plan.phases.at(-1)!.projected).toEqual([{ benchmark_id: 'review-plan', score, pass, fail, error, excepted }]);
    for (const e of [logs, groups]) await revokeException(db, e.id, { actor: 'alice', now: new Date() });
  });
});

describe('exceptions expiring soon', () => {
  it('announces an exception expiring within 14 days once per revision, and not one expiring later', async () => {
    const { exceptionsExpiringAlert } = await import('../../../scheduler/exceptions-expiring.js');
    const { sendAlert } = await import('../../../scheduler/alerts.js');
    const { scanById } = await import('../../../schema/scans.js');
    const soon = await createException(db, { check: 'ex_bucket_public', justification: 'soon', owner: 'team-soon', expires: new Date(Date.now() + 13 * day).toISOString() }, ctx());
    const later = await createException(db, { check: 'ex_bucket_public', justification: 'later', owner: 'team-later', expires: new Date(Date.now() + 15 * day).toISOString() }, ctx());
    const r = await evaluate();
    const scan = (await scanById(db, r.scan.id))!;
    const alert = await exceptionsExpiringAlert(db, scan, new Date(), {});
    expect(alert?.expiring.map((e) => e.id)).toEqual([soon.id]);
    expect(alert?.text).toContain('team-soon');
    await sendAlert(db, alert!, [], new Date());
    expect(await exceptionsExpiringAlert(db, scan, new Date(), {})).toBeNull();
    for (const e of [soon, later]) await revokeException(db, e.id, { actor: 'alice', now: new Date() });
  });
});
