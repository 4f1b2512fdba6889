import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../controls/loader.js';
import { createApp } from '../../api/app.js';
import { Database } from '../../schema/db.js';
import { pruneHistory } from '../../scheduler/retention.js';
import { seed } from '../support/checks.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/db.js';

// Issue 17: a killed evaluate or serve left `scans` rows `running` forever, with orphan findings retention never
// pruned. A real child process evaluates into a file and is killed with SIGKILL once some findings are committed.
let dir: { dir: string; cleanup: () => void };
let dbPath: string;
let checksDir: string;
const scanId = 'scan-killed-mid-evaluate';

beforeAll(async () => {
  dir = tempDir();
  dbPath = join(dir.dir, 'calabi.duckdb');
  checksDir = join(dir.dir, 'checks');
  mkdirSync(join(checksDir, 'hang'), { recursive: true });
  const meta = (id: string) => JSON.stringify({ id, title: id, severity: 'high', tables: ['aws_s3_buckets'], scope: { table: 'aws_s3_buckets' } });
  writeFileSync(join(checksDir, 'hang', 'hang_fast.sql'), "SELECT arn AS resource_id, account_id, region, 'fast' AS reason FROM aws_s3_buckets");
  writeFileSync(join(checksDir, 'hang', 'hang_fast.json'), meta('hang_fast'));
  // Never ends: one row per iteration, up to 10^12 iterations.
  writeFileSync(
    join(checksDir, 'hang', 'hang_forever.sql'),
    "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 1000000000000)\nSELECT b.arn AS resource_id, b.account_id, b.region, 'slow' AS reason FROM aws_s3_buckets b, (SELECT max(n) AS m FROM t) WHERE m < 0",
  );
  writeFileSync(join(checksDir, 'hang', 'hang_forever.json'), meta('hang_forever'));
  writeFileSync(join(checksDir, 'hang-test.json'), JSON.stringify({
    id: 'hang-test', title: 'Hang test', version: '1',
    requirements: [
      { id: '1', title: 'fast', section: 's', level: 1, assessment: 'Automated', checks: ['hang_fast'] },
      { id: '2', title: 'forever', section: 's', level: 1, assessment: 'Automated', checks: ['hang_forever'] },
    ],
  }));
  const db = await Database.open(dbPath);
  // Checks see only the accounts of the scope in force (aws_accounts), so the buckets' account is listed.
  await seed(db, 'aws_accounts', [{ account_id: '123456789012', arn: 'arn:aws:iam::123456789012:root', partition: 'aws' }]);
  await seed(db, 'aws_s3_buckets', [
    { account_id: '123456789012', region: 'us-east-1', arn: 'arn:aws:s3:::one', name: 'one', raw: {} },
    { account_id: '123456789012', region: 'us-east-1', arn: 'arn:aws:s3:::two', name: 'two', raw: {} },
  ]);
  db.close();
}, 60_000);
afterAll(() => dir.cleanup());

function evaluateAndKill(): Promise<{ signal: string | null; out: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/evaluate-child.ts', dbPath, checksDir, scanId], {
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const guard = setTimeout(() => proc.kill('SIGKILL'), 60_000);
    proc.stdout.on('data', (d) => {
      out += String(d);
      if (out.includes('partial-findings')) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (d) => (out += String(d)));
    proc.on('exit', (_code, signal) => {
      clearTimeout(guard);
      resolve({ signal, out });
    });
  });
}

describe('an evaluate killed mid-way', () => {
  it('is closed as interrupted by the next command that opens the file for writing, without its partial findings', async () => {
    const killed = await evaluateAndKill();
    expect(killed.out).toContain('partial-findings');
    expect(killed.signal).toBe('SIGKILL');

    // Read-only commands change nothing: the row is still running, its orphan findings (its evaluation's check
    // findings, not yet shown by the findings view) still there.
    const before = await runCli(['--db', dbPath, 'query', `SELECT status, owner_pid IS NOT NULL AS owned, (SELECT count(*) FROM check_findings f WHERE f.evaluation_id = scans.evaluation_id) AS findings FROM scans`, '--format', 'json']);
    expect(JSON.parse(before.stdout)).toEqual([{ status: 'running', owned: true, findings: 2 }]);

    // Any command that opens the database for writing closes it.
    const list = await runCli(['--db', dbPath, 'benchmarks', '--format', 'json']);
    expect(list.code).toBe(0);
    const after = await runCli(['--db', dbPath, 'query', `SELECT status, finished_at IS NOT NULL AS finished, error_message, (SELECT count(*) FROM check_findings f WHERE f.evaluation_id = scans.evaluation_id) AS findings FROM scans`, '--format', 'json']);
    const [row] = JSON.parse(after.stdout) as Array<Record<string, unknown>>;
    expect(row).toMatchObject({ status: 'interrupted', finished: true, findings: 0 });
    expect(row!.error_message).toMatch(/^interrupted: the process that ran it \(pid \d+ on .+\) ended before it finished$/);

    // The API shows it as interrupted, with why.
    const db = await Database.open(dbPath);
    try {
      const app = createApp({ db, catalog: loadCatalog({ checksDirs: [checksDir], env: {} }) });
      const res = await app.request('http://127.0.0.1/api/scans?benchmark=hang-test', { headers: { host: '127.0.0.1' } });
      const body = (await res.json()) as { scans: Array<{ id: string; status: string; error_message: string }> };
      expect(body.scans).toEqual([expect.objectContaining({ id: scanId, status: 'interrupted', error_message: expect.stringMatching(/^interrupted/) })]);

      // Retention can now prune it like any finished scan (a running one is never pruned).
      const pruned = await pruneHistory(db, { retentionDays: 1, now: new Date(Date.now() + 3 * 86_400_000) });
      expect(pruned.scans).toBe(1);
    } finally {
      db.close();
    }
  }, 300_000);

  it('closes runs of dead or unrecorded owners, never a running scan of the process itself', async () => {
    const db = await Database.open(':memory:');
    try {
      const { insertScan } = await import('../../controls/store.js');
      const { closeInterruptedRuns } = await import('../../controls/interrupted.js');
      await insertScan(db, { id: 'mine', benchmark: { id: 'b', title: 'b', version: '1' }, startedAt: new Date(), trigger: 'cli', syncRunId: null, evaluationId: 'e-mine' });
      await db.run("INSERT INTO scans (id, benchmark_id, started_at, status, owner_pid, owner_host, owner_started_at) VALUES ('dead', 'b', now(), 'running', 2147483646, 'elsewhere', now())");
      await db.run("INSERT INTO sync_runs (id, started_at, status) VALUES ('sync-before-owners', now(), 'running')");
      expect(await closeInterruptedRuns(db)).toEqual({ scans: ['dead'], syncRuns: ['sync-before-owners'] });
      expect(await db.one('SELECT status, message FROM sync_runs')).toEqual({ status: 'interrupted', message: expect.stringMatching(/owner not recorded/) });
      expect(await db.all('SELECT id, status FROM scans ORDER BY id')).toEqual([{ id: 'dead', status: 'interrupted' }, { id: 'mine', status: 'running' }]);
    } finally {
      db.close();
    }
  });
});
