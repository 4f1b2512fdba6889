import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../support/checks.js';
import { fileDb } from '../support/db.js';
import { startMoto, type Moto } from '../support/moto.js';

const bin = join(import.meta.dirname, '../../bin/calabi.js');
const account = '111111111111';
let dbPath: string;
let checksDir: string;
let cleanup: () => void;

function calabi(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  return calabiWith({}, '--db', dbPath, ...args);
}

function calabiWith(env: Record<string, string>, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, CALABI_CHECKS: '', NO_COLOR: '1', ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  const f = await fileDb();
  ({ path: dbPath, cleanup } = f);
  checksDir = join(f.dir, 'checks');
  mkdirSync(checksDir);
  const meta = (severity: string) => JSON.stringify({ title: 'Buckets are not named public-*', severity, tables: ['aws_s3_buckets'], scope: { table: 'aws_s3_buckets' } });
  writeFileSync(join(checksDir, 'acme_bucket_not_public.sql'), "SELECT arn AS resource_id, account_id, region, 'named public' AS reason FROM aws_s3_buckets WHERE name LIKE 'public-%'");
  writeFileSync(join(checksDir, 'acme_bucket_not_public.json'), meta('high'));
  writeFileSync(join(checksDir, 'acme_bucket_has_name.sql'), "SELECT arn AS resource_id, account_id, region, 'no name' AS reason FROM aws_s3_buckets WHERE name IS NULL");
  writeFileSync(join(checksDir, 'acme_bucket_has_name.json'), meta('low'));
  writeFileSync(
    join(checksDir, 'acme.json'),
    JSON.stringify({
      id: 'acme',
      title: 'ACME baseline',
      version: '2',
      requirements: [
        { id: '1', title: 'No public-named buckets', section: 'Storage', level: 1, assessment: 'Automated', checks: ['acme_bucket_not_public'] },
        { id: '2', title: 'Buckets have names', section: 'Storage', level: 1, assessment: 'Automated', checks: ['acme_bucket_has_name'] },
        { id: '3', title: 'Someone reviews the buckets', section: 'Review', level: 2, assessment: 'Manual', checks: [], evidence: 'Read the bucket list.' },
      ],
    }),
  );
  const { db } = f;
  await seed(db, 'aws_accounts', [{ account_id: account, arn: `arn:aws:::${account}` }]);
  await seed(db, 'aws_regions', [{ region: 'us-east-1' }]);
  await seed(db, 'aws_s3_buckets', [{ name: 'public-site', arn: 'arn:aws:s3:::public-site', region: 'us-east-1' }, { name: 'logs', arn: 'arn:aws:s3:::logs', region: 'us-east-1' }]);
  await db.run("INSERT INTO sync_scopes (account_id, region, table_name, status, stale, row_count, synced_at, attempted_at, run_id, error) VALUES (?, 'global', 'aws_s3_buckets', 'ok', false, 2, now(), now(), 'r1', NULL)", [account]);
  db.close();
});
afterAll(() => cleanup());

describe('calabi evaluate / benchmarks', () => {
  it('prints the JSON contract and exits 1 when a requirement fails at the default threshold', () => {
    const r = calabi('evaluate', 'acme', '--checks', checksDir, '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['benchmark', 'scan', 'summary', 'controls']);
    expect(report.benchmark).toEqual({ id: 'acme', title: 'ACME baseline', version: '2' });
    expect(Object.keys(report.scan)).toEqual(['id', 'started_at', 'finished_at', 'report_id']);
    expect(report.summary).toMatchObject({ score: 50, pass: 1, fail: 1, skip: 0, error: 0, manual: 1, critical_failed: 0, high_failed: 1, trend: null });
    // Additive fields: the formula, coverage and the age of the oldest data behind the scan.
    expect(report.summary).toMatchObject({ score_formula: 'PASS / (PASS + FAIL + ERROR)', coverage: { trusted: 2, automated: 2 }, oldest_data_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(report.controls[0]).toEqual({
      id: '1', title: 'No public-named buckets', section: 'Storage', level: 1, assessment: 'Automated', severity: 'high', status: 'FAIL', reason: expect.stringContaining('named public'),
      affected_count: 1, evaluated_count: 2, resources: [{ resource_id: 'arn:aws:s3:::public-site', account_id: account, region: 'us-east-1', reason: 'named public' }],
    });
    expect(report.controls.map((c: { status: string }) => c.status)).toEqual(['FAIL', 'PASS', 'MANUAL']);
  });

  it('exits 0 when every failure is below --fail-on, and reports the trend of the second scan', () => {
    const r = calabi('evaluate', 'acme', '--checks', checksDir, '--format', 'json', '--fail-on', 'critical');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.trend).toBe(0);
  });

  it('prints a table with the failing resources under the failed control and the summary last', () => {
    const r = calabi('evaluate', 'acme', '--checks', checksDir);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    const lines = r.stdout.trimEnd().split('\n');
    const fail = lines.findIndex((l) => /FAIL\s+1\s+Automated\s+No public-named buckets/.test(l));
    expect(lines[fail + 1]).toMatch(/111111111111 us-east-1 arn:aws:s3:::public-site — named public/);
    expect(lines.findIndex((l) => l === 'Summary')).toBeGreaterThan(fail);
    expect(r.stdout).toMatch(/Score 50%.*\(PASS \/ \(PASS \+ FAIL \+ ERROR\)\)\n  Coverage 2\/2 automated requirements with a trustworthy verdict \(PASS, FAIL or SKIP\) · oldest data \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  });

  it('prints one CSV row per requirement', () => {
    const r = calabi('evaluate', 'acme', '--checks', checksDir, '--format', 'csv', '--fail-on', 'critical');
    const rows = r.stdout.trim().split(/\r\n/);
    expect(rows[0]).toBe('benchmark,version,scan_id,id,title,section,level,cis_assessment,severity,status,affected_count,evaluated_count,reason,report_id');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatch(/^acme,2,[0-9a-f-]{36},1,No public-named buckets,Storage,1,Automated,high,FAIL,1,2,/);
  });

  it('puts data older than --max-data-age in doubt, and refuses a bad --check-timeout', async () => {
    // A database of its own, so these scans do not change the latest score the other cases read.
    const f = await fileDb();
    try {
      await seed(f.db, 'aws_accounts', [{ account_id: account, arn: `arn:aws:::${account}` }]);
      await seed(f.db, 'aws_regions', [{ region: 'us-east-1' }]);
      await seed(f.db, 'aws_s3_buckets', [{ name: 'logs', arn: 'arn:aws:s3:::logs', region: 'us-east-1' }]);
      await f.db.run("INSERT INTO sync_scopes (account_id, region, table_name, status, stale, row_count, synced_at, attempted_at, run_id, error) VALUES (?, 'global', 'aws_s3_buckets', 'ok', false, 1, ?, ?, 'r1', NULL)", [account, new Date(), new Date()]);
      f.db.close();
      const old = calabiWith({}, '--db', f.path, 'evaluate', 'acme', '--checks', checksDir, '--format', 'json', '--max-data-age', '1ms', '--check-timeout', '30s');
      expect(old.code).toBe(1);
      const report = JSON.parse(old.stdout);
      expect(report.controls.map((c: { status: string }) => c.status)).toEqual(['ERROR', 'ERROR', 'MANUAL']);
      expect(report.controls[1].reason).toMatch(/older than the maximum data age of 1 ms/);
      const bad = calabiWith({}, '--db', f.path, 'evaluate', 'acme', '--checks', checksDir, '--check-timeout', 'soon');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--check-timeout must be a number of seconds or a number with a unit .* not 'soon'/);
    } finally {
      f.cleanup();
    }
  }, 180_000);

  it('exits 2 for an unknown benchmark and lists the valid ones', () => {
    const r = calabi('evaluate', 'cis-aws-9.9');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown benchmark 'cis-aws-9\.9'\. Valid benchmarks: aws-fsbp, cis-aws-1\.4, cis-aws-1\.5, cis-aws-2\.0, cis-aws-3\.0, cis-aws-4\.0, cis-aws-5\.0, cis-aws-6\.0, cis-aws-7\.0, gdpr, hipaa, nist-800-53-r5, pci-dss-3\.2\.1, pci-dss-4\.0, soc2\./);
    expect(r.stdout).toBe('');
  });

  it('exits 2 on an empty inventory instead of passing on data it does not have', async () => {
    const f = await fileDb();
    try {
      f.db.close();
      const r = calabiWith({}, '--db', f.path, 'evaluate', 'cis-aws-3.0');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/inventory in .* is empty: run `calabi sync` first, or `calabi scan cis-aws-3\.0`/);
    } finally {
      f.cleanup();
    }
  });

  it('lists the benchmarks with their requirement counts and the latest score', () => {
    const r = calabi('benchmarks', '--format', 'json', '--checks', checksDir);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ id: string; requirements: number; latest_score: number | null }>;
    expect(list.map((b) => [b.id, b.requirements])).toEqual([
      ['aws-fsbp', 287], ['cis-aws-1.4', 58], ['cis-aws-1.5', 63], ['cis-aws-2.0', 64], ['cis-aws-3.0', 62], ['cis-aws-4.0', 64], ['cis-aws-5.0', 63], ['cis-aws-6.0', 63], ['cis-aws-7.0', 70],
      ['gdpr', 3], ['hipaa', 32], ['nist-800-53-r5', 287], ['pci-dss-3.2.1', 147], ['pci-dss-4.0', 107], ['soc2', 27], ['acme', 3],
    ]);
    expect(list.find((b) => b.id === 'acme')!.latest_score).toBe(50);
  });
});

describe('calabi scan', () => {
  let moto: Moto;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => {
    await moto?.stop();
  });
  const awsEnv = () => ({ AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: moto.endpoint });

  it('refuses an unknown benchmark before syncing anything', async () => {
    const f = await fileDb();
    try {
      f.db.close();
      const r = calabiWith(awsEnv(), '--db', f.path, 'scan', 'cis-aws-0.1', '--regions', 'us-east-1');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/unknown benchmark 'cis-aws-0\.1'/);
      expect(r.stderr).not.toMatch(/Synced/);
    } finally {
      f.cleanup();
    }
  });

  it('syncs an account, evaluates the benchmark, records the sync run on the scan and exits 1 on failures', async () => {
    const f = await fileDb();
    try {
      f.db.close();
      const r = calabiWith(awsEnv(), '--db', f.path, 'scan', 'cis-aws-3.0', '--regions', 'us-east-1', '--format', 'json');
      expect(r.stderr).toMatch(/Synced \d+ resources from 1 account/);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(report.controls).toHaveLength(62);
      expect(report.controls.find((c: { id: string }) => c.id === '1.20').status).toBe('ERROR');
      expect(report.controls.find((c: { id: string }) => c.id === '1.8').status).toBe('FAIL');
      const { Database } = await import('../../schema/db.js');
      const db = await Database.open(f.path);
      const row = await db.one<{ sync_run_id: string; trigger: string; status: string }>('SELECT s.sync_run_id, s.trigger, r.status FROM scans s JOIN sync_runs r ON r.id = s.sync_run_id');
      db.close();
      expect(row).toMatchObject({ trigger: 'cli', status: 'partial' });
    } finally {
      f.cleanup();
    }
  });
});
