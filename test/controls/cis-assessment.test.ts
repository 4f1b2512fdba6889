import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evaluateBenchmark, listBenchmarks, loadScanReport } from '../../controls/engine.js';
import { formatReport } from '../../reports/format-report.js';
import type { ControlReport, ScanReport } from '../../controls/types.js';
import type { Database } from '../../schema/db.js';
import { seed } from '../support/checks.js';
import { memoryDb, tempDir } from '../support/db.js';

/**
 * CIS labels requirements Automated or Manual, and from 4.0 on labels whole sections Manual although configuration
 * decides them. In Calabi a requirement is MANUAL only when it maps no check; one that maps a check is evaluated
 * whatever the label, the label is reported beside the status, and the score counts evaluated requirements only.
 */
const account = '111111111111';
let dir: string;
let cleanup: () => void;
let db: Database;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(join(dir, 't_bucket_not_public.sql'), "SELECT arn AS resource_id, account_id, region, 'bucket ' || name || ' is named public' AS reason FROM aws_s3_buckets WHERE name LIKE 'public-%'");
  writeFileSync(join(dir, 't_bucket_not_public.json'), JSON.stringify({ title: 'No public-named bucket', severity: 'high', tables: ['aws_s3_buckets'], scope: { table: 'aws_s3_buckets' } }));
  mkdirSync(join(dir, 'benchmarks'));
  writeFileSync(
    join(dir, 'benchmarks', 'labels.json'),
    JSON.stringify({
      id: 'labels',
      title: 'Labels',
      version: '1',
      requirements: [
        { id: '1', title: 'labelled Automated, decided by a check', section: 'S', level: 1, assessment: 'Automated', checks: ['t_bucket_not_public'] },
        { id: '2', title: 'labelled Manual, decided by a check', section: 'S', level: 1, assessment: 'Manual', checks: ['t_bucket_not_public'] },
        { id: '3', title: 'labelled Manual, only a person can decide', section: 'S', level: 1, assessment: 'Manual', checks: [], evidence: 'Show the signed review of the contact list.' },
      ],
    }),
  );
});
afterAll(() => cleanup());

beforeEach(async () => {
  db?.close();
  db = await memoryDb();
  await seed(db, 'aws_accounts', [{ account_id: account, arn: `arn:aws:::${account}`, partition: 'aws' }]);
  await seed(db, 'aws_regions', [{ region: 'us-east-1' }]);
  await db.run(
    `INSERT INTO sync_scopes (account_id, region, table_name, status, stale, row_count, synced_at, attempted_at, run_id, error)
     VALUES (?, 'global', 'aws_s3_buckets', 'ok', false, 0, now(), now(), 'run-1', NULL)`,
    [account],
  );
});

const bucket = (name: string) => ({ name, arn: `arn:aws:s3:::${name}`, region: 'us-east-1' });
const evaluate = (): Promise<ScanReport> => evaluateBenchmark({ db, benchmarkId: 'labels', checksDirs: [dir] });
const control = (r: ScanReport, id: string): ControlReport => r.controls.find((c) => c.id === id)!;

describe('a requirement CIS labels Manual', () => {
  it('is evaluated when a check decides it: FAIL with the findings, and CIS assessment Manual beside the status', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('public-site'), bucket('logs')]);
    const report = await evaluate();
    expect(control(report, '2')).toMatchObject({ status: 'FAIL', assessment: 'Manual', affected_count: 1, evaluated_count: 2 });
    expect(control(report, '2').resources.map((r) => r.resource_id)).toEqual(['arn:aws:s3:::public-site']);
    expect(control(report, '1')).toMatchObject({ status: 'FAIL', assessment: 'Automated' });
  });

  it('passes when its check finds nothing, and counts in the score like an Automated one', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('logs')]);
    const report = await evaluate();
    expect(control(report, '2')).toMatchObject({ status: 'PASS', assessment: 'Manual' });
    expect(report.summary).toMatchObject({ pass: 2, fail: 0, manual: 1, score: 100 });
  });

  it('stays MANUAL with the evidence to collect when no check maps it, and is left out of the score', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('public-site')]);
    const report = await evaluate();
    expect(control(report, '3')).toMatchObject({ status: 'MANUAL', assessment: 'Manual', reason: 'Show the signed review of the contact list.', resources: [] });
    expect(report.summary).toMatchObject({ pass: 0, fail: 2, manual: 1, score: 0 });
  });

  it('keeps the CIS label in the stored scan and in every output format', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('logs')]);
    const report = await evaluate();
    const stored = await loadScanReport(db, report.scan.id);
    expect(stored!.controls.map((c) => [c.id, c.status, c.assessment])).toEqual([['1', 'PASS', 'Automated'], ['2', 'PASS', 'Manual'], ['3', 'MANUAL', 'Manual']]);
    const csv = formatReport(stored!, 'csv').trim().split('\r\n');
    expect(csv[0]).toContain(',level,cis_assessment,severity,status,');
    expect(csv[2]).toMatch(/^labels,1,[0-9a-f-]{36},2,"?labelled Manual, decided by a check"?,S,1,Manual,high,PASS,/);
    const table = formatReport(stored!, 'table', { width: 140 });
    expect(table).toMatch(/CIS assessment/);
    expect(table).toMatch(/PASS\s+2\s+Manual\s+labelled Manual, decided by a check/);
    expect(table).toMatch(/MANUAL\s+3\s+Manual\s+labelled Manual, only a person can decide/);
  });

  it('is counted by its CIS label and, separately, as evaluated in the benchmark list', async () => {
    const list = await listBenchmarks(undefined, { checksDirs: [dir], env: {} });
    expect(list.find((b) => b.id === 'labels')).toMatchObject({ requirements: 3, automated: 1, manual: 2, evaluated: 2 });
  });
});
