import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/db.js';
import { lakeSkipReason } from '../support/lake.js';
import { freePort, startMoto, type Moto } from '../support/moto.js';
import { cliCredentials } from '../support/moto-folder.js';
import { startPostgres, type Postgres } from '../support/postgres.js';

/**
 * `calabi serve` on a DuckLake catalogued in a real PostgreSQL (docs/ducklake.md): the server starts before any
 * data, and a sync and an evaluation land from other processes, as sharded workers do. The API and the SQL
 * console must show them without a restart: each read begins a new transaction on the lake's latest snapshot.
 */
const skip = lakeSkipReason();
const state = {} as { moto: Moto; pg: Postgres; dir: string; cleanup: () => void; lake: string[]; server: ChildProcess; url: string };
const env = () => ({ ...cliCredentials, CALABI_EXTENSION_DIR: process.env.CALABI_EXTENSION_DIR });

/** `calabi serve` on the store of `args`, on a free port; resolves once it listens. */
async function startServe(args: string[]): Promise<{ proc: ChildProcess; url: string; log: () => string }> {
  const port = await freePort();
  let log = '';
  const proc = spawn(process.execPath, ['bin/calabi.js', ...args, 'serve', '--port', String(port)], {
    env: { ...process.env, ...env(), CALABI_DB: '', CALABI_STORE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => (log += String(d)));
  proc.stderr!.on('data', (d) => (log += String(d)));
  const deadline = Date.now() + 240_000;
  while (!log.includes('Calabi is serving') && Date.now() < deadline && proc.exitCode === null) await new Promise((r) => setTimeout(r, 100));
  expect(log).toContain('Calabi is serving');
  return { proc, url: `http://127.0.0.1:${port}/`, log: () => log };
}

async function stopServe(proc: ChildProcess | undefined): Promise<void> {
  if (!proc || proc.exitCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

const api = async <T>(path: string, init?: RequestInit): Promise<T> => {
  const res = await fetch(new URL(path, state.url), init);
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
  return (await res.json()) as T;
};
const accountsInConsole = async () => {
  const out = await api<{ rows: unknown[][] }>('api/query', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sql: 'SELECT count(*)::INTEGER AS n FROM aws_accounts' }) });
  return out.rows[0]?.[0];
};

describe.skipIf(skip)('calabi serve on a lake that other processes write', () => {
  beforeAll(async () => {
    state.moto = await startMoto();
    state.pg = await startPostgres();
    ({ dir: state.dir, cleanup: state.cleanup } = tempDir());
    state.pg.createDatabase('lake');
    mkdirSync(join(state.dir, 'data'));
    state.lake = ['--store', `ducklake:postgres:${state.pg.libpq('lake')}`, '--data-path', join(state.dir, 'data')];
    expect((await runCli([...state.lake, 'status'], env(), 300_000)).code).toBe(0); // creates the lake's schema
    ({ proc: state.server, url: state.url } = await startServe(state.lake));
  }, 600_000);

  afterAll(async () => {
    await stopServe(state.server);
    await state.moto?.stop();
    await state.pg?.stop();
    state.cleanup?.();
  });

  it('starts on the empty lake and leaves no announcement: other processes open the lake themselves', async () => {
    expect(await api<{ scans: unknown[] }>('api/scans')).toMatchObject({ scans: [] });
    expect(await accountsInConsole()).toBe(0);
    // A PostgreSQL catalog has no file to hold: no `<store>.serve.json` in the working directory or anywhere near.
    expect(readdirSync('.').filter((f) => f.endsWith('.serve.json'))).toEqual([]);
    expect(existsSync(join(state.dir, 'data.serve.json'))).toBe(false);
  }, 120_000);

  it('shows a sync and a scan that another process committed after the server started', async () => {
    const sync = await runCli([...state.lake, 'sync', '--endpoint-url', state.moto.endpoint, '--regions', 'us-east-1', '--services', 'iam,s3'], env(), 600_000);
    expect(sync.code, sync.stderr).toBe(0);
    expect(await accountsInConsole()).toBe(1);
    const evaluate = await runCli([...state.lake, 'evaluate', 'cis-aws-3.0', '--format', 'json'], env(), 600_000);
    expect([0, 1], evaluate.stderr).toContain(evaluate.code); // 1: some requirements fail or are in error
    const scanId = (JSON.parse(evaluate.stdout) as { scan: { id: string } }).scan.id;
    const { scans } = await api<{ scans: Array<{ id: string }> }>('api/scans');
    expect(scans.map((s) => s.id)).toEqual([scanId]);
    const scan = await api<{ scan: { id: string }; controls: unknown[] }>(`api/scans/${scanId}`);
    expect(scan.scan.id).toBe(scanId);
    expect(scan.controls.length).toBeGreaterThan(0);
  }, 1_200_000);
});

describe.skipIf(skip)('calabi serve on a lake with a DuckDB catalog file', () => {
  const local = {} as { dir: string; cleanup: () => void; server?: ChildProcess };
  beforeAll(() => {
    ({ dir: local.dir, cleanup: local.cleanup } = tempDir());
  });
  afterAll(async () => {
    await stopServe(local.server);
    local.cleanup?.();
  });

  it('announces itself beside the catalog file, and a command beside it works through the server', async () => {
    const catalog = join(local.dir, 'calabi.ducklake');
    const served = await startServe(['--store', `ducklake:${catalog}`]);
    local.server = served.proc;
    // The server holds the catalog file (DuckDB locks it); other commands find the server by this file.
    expect(existsSync(`${catalog}.serve.json`)).toBe(true);
    const evaluate = await runCli(['--store', `ducklake:${catalog}`, 'evaluate', 'cis-aws-3.0'], env(), 300_000);
    // Through the server: the lake answers (empty inventory), not DuckDB's "Could not set lock" on the catalog.
    expect(evaluate.stderr).toContain('is empty: run `calabi sync` first');
    expect(evaluate.stderr).not.toMatch(/lock/i);
  }, 600_000);
});
