import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/db.js';
import { freePort } from '../support/moto.js';

let dir: { dir: string; cleanup: () => void };
let dbPath: string;

beforeAll(async () => {
  dir = tempDir();
  dbPath = join(dir.dir, 'demo.duckdb');
  const demo = await runCli(['--db', dbPath, 'demo', '--no-serve']);
  expect(demo.stderr).toContain('Loaded the sample account 210987654321');
  expect(demo.code).toBe(0);
}, 180_000);
afterAll(() => dir.cleanup());

describe('calabi demo', () => {
  it('loads the bundled sample account and evaluates the newest CIS version (7.0) without AWS credentials', async () => {
    const r = await runCli(['--db', dbPath, 'query', "SELECT benchmark_id, trigger, status, fail > 0 AS has_failures FROM scans", '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ benchmark_id: 'cis-aws-7.0', trigger: 'demo', status: 'complete', has_failures: true }]);
  });
});

describe('calabi query', () => {
  it('prints rows as an aligned table, JSON or CSV', async () => {
    const sql = 'SELECT name, versioning_status FROM aws_s3_buckets ORDER BY name';
    const table = await runCli(['--db', dbPath, 'query', sql]);
    expect(table.stdout.split('\n')[0]).toMatch(/^name\s+versioning_status$/);
    expect(table.stdout).toContain('acme-prod-backups');
    expect(table.stdout).toContain('(3 rows');
    const csv = await runCli(['--db', dbPath, 'query', sql, '--format', 'csv']);
    expect(csv.stdout).toBe('name,versioning_status\nacme-prod-backups,Enabled\nacme-prod-logs,\nacme-prod-web-assets,\n');
  });

  it('refuses a write or a file read with exit 2 and the reason, leaving the database as it was', async () => {
    const del = await runCli(['--db', dbPath, 'query', 'DELETE FROM aws_s3_buckets']);
    expect(del.code).toBe(2);
    expect(del.stderr).toContain('DELETE is not allowed');
    const file = await runCli(['--db', dbPath, 'query', "SELECT * FROM read_text('/etc/hostname')"]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('disabled by configuration');
    const count = await runCli(['--db', dbPath, 'query', 'SELECT count(*) AS n FROM aws_s3_buckets', '--format', 'csv']);
    expect(count.stdout).toBe('n\n3\n');
  });

  it('caps rows with --max-rows and says so', async () => {
    const r = await runCli(['--db', dbPath, 'query', 'SELECT * FROM range(50)', '--max-rows', '5', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toHaveLength(5);
    expect(r.stderr).toContain('first 5 rows');
  });
});

describe('calabi serve', () => {
  it('refuses to listen on a non-loopback address without a token, says why, and opens nothing', async () => {
    const path = join(dir.dir, 'never.duckdb');
    const r = await runCli(['--db', path, 'serve', '--host', '0.0.0.0', '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to listen on 0.0.0.0 without a token');
    expect(r.stderr).toContain('CALABI_TOKEN');
    expect(existsSync(path)).toBe(false);
  });

  it('serves the API with the token from CALABI_TOKEN and stops on SIGTERM', async () => {
    const port = await freePort();
    const proc = spawn(process.execPath, ['bin/calabi.js', '--db', dbPath, 'serve', '--host', '0.0.0.0', '--port', String(port)], {
      env: { ...process.env, CALABI_TOKEN: 'cli-test-token-0123456789' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr!.on('data', (d) => (stderr += String(d)));
    try {
      const url = `http://127.0.0.1:${port}/api/benchmarks`;
      const deadline = Date.now() + 60_000;
      while (!stderr.includes('Calabi is serving') && Date.now() < deadline && proc.exitCode === null) await new Promise((r) => setTimeout(r, 100));
      expect(stderr).toContain('(API token required)');
      expect((await fetch(url)).status).toBe(401);
      const ok = await fetch(url, { headers: { authorization: 'Bearer cli-test-token-0123456789' } });
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as any).benchmarks.find((b: any) => b.id === 'cis-aws-7.0').latest_score).toBeTypeOf('number');
    } finally {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }
    expect(proc.exitCode).toBe(0);
  }, 90_000);
});
