import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { freePort } from '../support/moto.js';
import { cliCredentials, motoAndFolder } from '../support/moto-folder.js';

/**
 * The CLI beside a running `calabi serve` (docs/cli-beside-serve.md), end to end with real processes: one server
 * holds database A; every command of the table runs on A (through the server) and on B, a copy of A taken before
 * the server started, that the CLI opens itself. Both sides must print the same bytes and exit the same, once
 * the values that differ between any two runs (ids, clocks, elapsed times, the folder) are named alike.
 */
const t = motoAndFolder();
const env = () => ({ ...cliCredentials });
const apiToken = 'beside-test-token-0123456789abcdef';
let server: ChildProcess;
let serverLog = '';
let dirA: string;
let dirB: string;

beforeAll(async () => {
  dirA = join(t.dir, 'a');
  dirB = join(t.dir, 'b');
  mkdirSync(dirA);
  mkdirSync(dirB);
  const demo = await runCli(['--db', join(dirA, 'calabi.duckdb'), 'demo', '--no-serve'], env(), 300_000);
  expect(demo.code, demo.stderr).toBe(0);
  for (const f of readdirSync(dirA)) copyFileSync(join(dirA, f), join(dirB, f));
  const port = await freePort();
  server = spawn(process.execPath, ['bin/calabi.js', '--db', join(dirA, 'calabi.duckdb'), 'serve', '--port', String(port), '--token', apiToken], {
    env: { ...process.env, ...env(), CALABI_DB: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (serverLog += String(d)));
  server.stderr!.on('data', (d) => (serverLog += String(d)));
  const deadline = Date.now() + 120_000;
  while (!serverLog.includes('Calabi is serving') && Date.now() < deadline && server.exitCode === null) await new Promise((r) => setTimeout(r, 100));
  expect(serverLog).toContain('Calabi is serving');
}, 400_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
});

type Side = { dir: string; db: string; last: CliResult | null; all: CliResult[] };
/** `serial`: the two sides run one after the other (both sync from the same moto_server). */
type Step = { name: string; args: (s: Side) => string[]; serial?: boolean };

/** The id a command printed first (schedule add, channel add), for the next step on the same side. */
const idOf = (r: CliResult | null) => /^(\S+)/.exec(r?.stdout ?? '')?.[1] ?? 'missing-id';

/** The exception the side's last `exception add` created. */
const exceptionOf = (s: Side) => [...s.all].reverse().map((r) => /^created exception (\S+):/.exec(r.stdout)?.[1]).find(Boolean) ?? 'missing-id';
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const acceptRisk = ['--owner', 'team-data', '--justification', 'encrypted by the app', '--expires', inDays(30), '--by', 'tester'];

/** The table: reading and writing commands in an order where each may read what the one before wrote. */
const steps: Step[] = [
  { name: 'benchmarks', args: () => ['benchmarks'] },
  { name: 'query as CSV', args: () => ['query', 'SELECT table_name FROM duckdb_tables() WHERE table_name LIKE \'aws_iam%\' ORDER BY 1', '--format', 'csv'] },
  { name: 'query refused', args: () => ['query', 'DROP TABLE aws_iam_users'] },
  { name: 'evaluate (table, exit 1)', args: () => ['evaluate', 'cis-aws-3.0', '--max-resources', '3'] },
  { name: 'evaluate as JSON', args: () => ['evaluate', 'cis-aws-3.0', '--format', 'json'] },
  { name: 'evaluate an unknown benchmark', args: () => ['evaluate', 'cis-aws-0.1'] },
  { name: 'diff', args: () => ['diff', 'latest', 'latest', '--format', 'json'] },
  { name: 'export CSV to stdout', args: () => ['export', 'latest', '--format', 'csv', '--level', 'findings', '-o', '-'] },
  { name: 'export XLSX to a file', args: (s) => ['export', 'latest', '--format', 'xlsx', '-o', join(s.dir, 'report.xlsx')] },
  { name: 'verify the file', args: (s) => ['verify', join(s.dir, 'report.xlsx')] },
  { name: 'compare --evaluate', args: () => ['compare', 'cis-aws-3.0', 'cis-aws-7.0', '--evaluate'] },
  { name: 'evaluate a comma list (frameworks table)', args: () => ['evaluate', 'cis-aws-3.0,aws-fsbp'] },
  { name: 'frameworks', args: () => ['frameworks'] },
  { name: 'plan', args: () => ['plan', 'cis-aws-3.0', '--frameworks', 'aws-fsbp', '--max-resources', '2'] },
  { name: 'status (no sharded sync)', args: () => ['status'] },
  { name: 'exception add', args: () => ['exception', 'add', '--check', 's3_bucket_default_encryption', '--resource', 'arn:aws:s3:::logs-*', ...acceptRisk] },
  { name: 'exception add refused (exit 2)', args: () => ['exception', 'add', '--check', 'no_such_check', ...acceptRisk] },
  { name: 'exception change', args: (s) => ['exception', 'change', exceptionOf(s), '--owner', 'team-platform', '--by', 'tester'] },
  { name: 'exception list', args: () => ['exception', 'list', '--format', 'csv'] },
  { name: 'exception export', args: () => ['exception', 'export'] },
  { name: 'exception export to a file', args: (s) => ['exception', 'export', join(s.dir, 'exceptions.yaml')] },
  { name: 'exception import (unchanged)', args: (s) => ['exception', 'import', join(s.dir, 'exceptions.yaml'), '--by', 'tester'] },
  { name: 'exception revoke', args: (s) => ['exception', 'revoke', exceptionOf(s), '--by', 'tester'] },
  { name: 'exception history', args: (s) => ['exception', 'history', exceptionOf(s)] },
  { name: 'schedule add', args: () => ['schedule', 'add', 'cis-aws-3.0', '--daily', '--at', '06:00', '--tz', 'Europe/Berlin'] },
  { name: 'schedule pause', args: (s) => ['schedule', 'pause', idOf(s.last)] },
  { name: 'schedule list', args: () => ['schedule', 'list'] },
  { name: 'schedule delete', args: (s) => ['schedule', 'delete', idOf(s.last)] },
  { name: 'schedule update unknown', args: () => ['schedule', 'update', 'no-such-id', '--at', '07:00'] },
  { name: 'run', args: () => ['run', 'cis-aws-3.0', '--alert-threshold', '100'] },
  { name: 'schedule runs', args: () => ['schedule', 'runs'] },
  { name: 'channel add', args: () => ['schedule', 'channel', 'add', '--name', 'ops', '--url', 'https://hooks.example.com/services/T0/B0/x'] },
  { name: 'channel list', args: () => ['schedule', 'channel', 'list'] },
  { name: 'channel remove', args: (s) => ['schedule', 'channel', 'remove', idOf(s.last)] },
  { name: 'sync from moto', serial: true, args: () => ['sync', '--regions', 'us-east-1', '--services', 'ec2,iam', '--endpoint-url', t.moto.endpoint] },
  { name: 'evaluate after the sync', args: () => ['evaluate', 'cis-aws-3.0', '--format', 'csv'] },
  { name: 'scan (sync, then evaluate)', serial: true, args: () => ['scan', 'cis-aws-7.0', '--regions', 'us-east-1', '--services', 'ec2', '--endpoint-url', t.moto.endpoint, '--format', 'json'] },
  // Each side records what it pushed in its own database, so both report the same new findings.
  { name: 'push securityhub', serial: true, args: () => ['push', 'securityhub', '--benchmark', 'cis-aws-7.0', '--endpoint-url', t.moto.endpoint] },
];

/** Names ids in order of appearance and blanks clocks, elapsed times and the side's folder. */
function normalised(text: string, dir: string): string {
  const ids = new Map<string, string>();
  return text
    .split(dir).join('<dir>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => ids.get(id) ?? (ids.set(id, `<id${ids.size}>`), `<id${ids.size - 1}>`))
    .replace(/\b[0-9a-f]{8}\b/g, '<short id>') // compare's scan column
    .replace(/\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?Z?)?/g, '<time>')
    .replace(/\d+(\.\d+)? ?ms\b/g, '<ms>')
    // The count of API calls depends on the shared moto_server's state, which the first of the two syncs changes.
    .replace(/in \d+(\.\d+)?s with \d+ API calls/g, 'in <s> with <n> API calls')
    .replace(/"(elapsed_ms|duration_ms|seconds)": \d+(\.\d+)?/g, '"$1": <n>');
}

describe('the CLI beside calabi serve', () => {
  it('announces the server next to the database, owner-only, with a credential that is neither the API token nor logged', () => {
    const file = join(dirA, 'calabi.duckdb.serve.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const a = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; url: string; credential: string };
    expect(a.pid).toBe(server.pid);
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(a.credential.length).toBeGreaterThanOrEqual(32);
    expect(a.credential).not.toBe(apiToken);
    expect(serverLog).not.toContain(a.credential);
  });

  it('refuses the internal routes without the local credential, and with the API token instead', async () => {
    const a = JSON.parse(readFileSync(join(dirA, 'calabi.duckdb.serve.json'), 'utf8')) as { url: string; credential: string };
    expect((await fetch(new URL('internal/ping', a.url))).status).toBe(401);
    expect((await fetch(new URL('internal/ping', a.url), { headers: { 'X-Calabi-Local': apiToken } })).status).toBe(401);
    expect((await fetch(new URL('internal/op/evaluate', a.url), { method: 'POST', headers: { Authorization: `Bearer ${apiToken}` }, body: '{}' })).status).toBe(401);
    expect((await fetch(new URL('internal/ping', a.url), { headers: { 'X-Calabi-Local': a.credential } })).status).toBe(200);
  });

  it('prints the same output and exits the same through the server as on a file of its own, command by command', async () => {
    const a: Side = { dir: dirA, db: join(dirA, 'calabi.duckdb'), last: null, all: [] };
    const b: Side = { dir: dirB, db: join(dirB, 'calabi.duckdb'), last: null, all: [] };
    for (const step of steps) {
      const run = (s: Side) => runCli(['--db', s.db, ...step.args(s)], env(), 300_000);
      const [ra, rb] = step.serial ? [await run(a), await run(b)] : await Promise.all([run(a), run(b)]);
      expect(ra!.stderr, step.name).not.toMatch(/in use|lock/i);
      expect({ step: step.name, code: ra!.code, stdout: normalised(ra!.stdout, dirA), stderr: normalised(ra!.stderr, dirA) })
        .toEqual({ step: step.name, code: rb!.code, stdout: normalised(rb!.stdout, dirB), stderr: normalised(rb!.stderr, dirB) });
      a.last = ra!;
      b.last = rb!;
      a.all.push(ra!);
      b.all.push(rb!);
    }
    // The server saw what the commands wrote: its API lists the scans they recorded, newest first.
    const url = (JSON.parse(readFileSync(join(dirA, 'calabi.duckdb.serve.json'), 'utf8')) as { url: string }).url;
    const scans = (await (await fetch(new URL('api/scans?benchmark=cis-aws-3.0', url), { headers: { Authorization: `Bearer ${apiToken}` } })).json()) as { scans?: Array<{ trigger: string }> } | Array<{ trigger: string }>;
    const list = Array.isArray(scans) ? scans : (scans.scans ?? []);
    expect(list.filter((s) => s.trigger === 'cli').length).toBeGreaterThanOrEqual(4);
    // The push was not vacuous: the scan of moto's account had findings, and Security Hub took them.
    expect(a.all[steps.findIndex((s) => s.name === 'push securityhub')]!.stderr).toMatch(/: [1-9]\d* new, 0 updated, 0 reopened, 0 archived \(resolved\), 0 failed/);
    // The server's API reads the exception the commands added, changed and revoked through it.
    const ex = (await (await fetch(new URL('api/exceptions?all=true', url), { headers: { Authorization: `Bearer ${apiToken}` } })).json()) as { exceptions: Array<{ id: string; owner: string; state: string; revoked_by: string | null }> };
    expect(ex.exceptions.map((e) => ({ id: e.id, owner: e.owner, state: e.state, revoked_by: e.revoked_by }))).toEqual([{ id: exceptionOf(a), owner: 'team-platform', state: 'revoked', revoked_by: 'tester' }]);
  }, 1_200_000);

  it('removes the announcement when the server stops, and ignores one a killed server left', async () => {
    const file = join(dirA, 'calabi.duckdb.serve.json');
    const stale = readFileSync(file, 'utf8');
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
    expect(existsSync(file)).toBe(false);
    // A kill -9 leaves the file behind: its pid is dead, so the command opens the database itself.
    writeFileSync(file, stale, { mode: 0o600 });
    const r = await runCli(['--db', join(dirA, 'calabi.duckdb'), 'benchmarks', '--format', 'json'], env(), 120_000);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);
});
