import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../controls/engine.js';
import type { Database } from '../../schema/db.js';
import { seed } from '../support/checks.js';
import { memoryDb, tempDir } from '../support/db.js';

// Issue 3: "Scans persist: scans, control_results (status, affected count, evaluated count, reason, error) and
// findings (control, resource, account, region, reason, evidence as JSON)". Read back from the tables themselves.
const account = '111111111111';
let dir: string;
let cleanup: () => void;
let db: Database;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(join(dir, 'rv_bucket_public.sql'),
    "SELECT arn AS resource_id, account_id, region, 'bucket ' || name || ' is named public' AS reason, name AS bucket_name, 7 AS score\nFROM aws_s3_buckets WHERE name LIKE 'public-%'");
  writeFileSync(join(dir, 'rv_bucket_public.json'), JSON.stringify({ title: 'bucket', severity: 'high', tables: ['aws_s3_buckets'], scope: { table: 'aws_s3_buckets' } }));
  mkdirSync(join(dir, 'benchmarks'));
  writeFileSync(join(dir, 'benchmarks', 'p.json'), JSON.stringify({
    id: 'review-persist', title: 'Persist', version: '2',
    requirements: [
      { id: 'P.1', title: 'no public buckets', section: 'S', level: 1, assessment: 'Automated', checks: ['rv_bucket_public'] },
      { id: 'P.2', title: 'look at it', section: 'S', level: 2, assessment: 'Manual', checks: [], evidence: 'Open the console and look at the contacts.' },
    ],
  }));
  db = await memoryDb();
  await seed(db, 'aws_accounts', [{ account_id: account, arn: `arn:aws:::${account}`, partition: 'aws' }]);
  await seed(db, 'aws_regions', [{ region: 'us-east-1' }]);
  await db.run(`INSERT INTO sync_scopes (account_id, region, table_name, status, stale, row_count, synced_at, attempted_at, run_id, error)
    VALUES (?, 'global', 'aws_s3_buckets', 'ok', false, 3, now(), now(), 'run-1', NULL)`, [account]);
  await seed(db, 'aws_s3_buckets', ['public-a', 'public-b', 'private-c'].map((name) => ({ name, arn: `arn:aws:s3:::${name}`, region: 'eu-west-1' })));
});
afterAll(() => {
  db?.close();
  cleanup();
});

describe('a stored scan', () => {
  it('keeps the scan, each control result and each finding with its evidence as JSON', async () => {
    const report = await evaluateBenchmark({ db, benchmarkId: 'review-persist', checksDirs: [dir] });
    const scan = await db.one<Record<string, unknown>>('SELECT benchmark_id, benchmark_version, status, pass, fail, manual, high_failed, finished_at IS NOT NULL AS finished FROM scans WHERE id = ?', [report.scan.id]);
    expect(scan).toEqual({ benchmark_id: 'review-persist', benchmark_version: '2', status: 'complete', pass: 0, fail: 1, manual: 1, high_failed: 1, finished: true });

    const results = await db.all('SELECT control_id, status, affected_count, evaluated_count, reason IS NOT NULL AS has_reason, error FROM control_results WHERE scan_id = ? ORDER BY position', [report.scan.id]);
    expect(results).toEqual([
      { control_id: 'P.1', status: 'FAIL', affected_count: 2, evaluated_count: 3, has_reason: true, error: null },
      { control_id: 'P.2', status: 'MANUAL', affected_count: 0, evaluated_count: 0, has_reason: true, error: null },
    ]);

    const findings = await db.all(
      `SELECT control_id, check_id, resource_id, account_id, region, reason, evidence->>'bucket_name' AS bucket, (evidence->>'score')::INT AS score
       FROM findings WHERE scan_id = ? ORDER BY resource_id`, [report.scan.id]);
    expect(findings).toEqual(['a', 'b'].map((x) => ({
      control_id: 'P.1', check_id: 'rv_bucket_public', resource_id: `arn:aws:s3:::public-${x}`, account_id: account, region: 'eu-west-1',
      reason: `bucket public-${x} is named public`, bucket: `public-${x}`, score: 7,
    })));
  });
});
