import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../schema/db.js';
import { BAD, GOOD, seedCisAccounts } from '../../testkit/cis-accounts.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/db.js';
import { allColumnTypes, columnTypesWithValues, differingTables, inventorySnapshot, lakeSkipReason } from '../support/lake.js';
import { startMoto, type Moto } from '../support/moto.js';
import { cliCredentials } from '../support/moto-folder.js';
import { startPostgres, type Postgres } from '../support/postgres.js';

/**
 * Sharded sync into one lake (docs/ducklake.md): three `calabi sync --shard I/3` worker processes at once, on
 * three moto accounts, into a DuckLake catalogued in a real PostgreSQL, must leave the same inventory, row for row
 * per table, as one process syncing the three accounts into a DuckDB file. The accounts are chosen so each shard
 * gets one (SHA-256 by id: 666666666666 → 0, 222222222222 → 1, 111111111111 → 2; test/sync/shard.test.ts).
 * Every sync here syncs seven services, not all ~60 (this file evaluates nothing, so it needs no benchmark's
 * services): IAM and S3 (global scopes; IAM's with the managed policies moto loads), EC2 (regional, 21 tables: most of
 * what a run writes; the kill below lands while some scopes are still unwritten, which the test checks), logs and
 * CloudWatch (with those, a value of every column type the inventory has: logs' BIGINT stored bytes, CloudWatch's
 * DOUBLE thresholds; asserted below), and Macie and the Account API, whose collection errors moto cannot avoid and
 * which make each shard 'partial'.
 */
const services = ['iam', 's3', 'ec2', 'logs', 'cloudwatch', 'macie', 'account'];
const skip = lakeSkipReason();
const THIRD = '666666666666';
const accounts = `${BAD},${GOOD},${THIRD}`;
const state = {} as { moto: Moto; pg: Postgres; dir: string; cleanup: () => void; lake: string[]; file: Record<string, string[]> };
const env = () => ({ ...cliCredentials, CALABI_EXTENSION_DIR: process.env.CALABI_EXTENSION_DIR });
const syncArgs = () => ['sync', '--endpoint-url', state.moto.endpoint, '--regions', 'us-east-1', '--accounts', accounts, '--role-name', 'calabi', '--services', services.join(',')];
const openLake = () => Database.open(`ducklake:postgres:${state.pg.libpq('lake')}`, { readOnly: true, dataPath: join(state.dir, 'data') });

async function lakeSnapshot(): Promise<Record<string, string[]>> {
  const db = await openLake();
  try {
    return await inventorySnapshot(db);
  } finally {
    db.close();
  }
}

describe.skipIf(skip)('three sync workers sharding three accounts into one lake', () => {
  beforeAll(async () => {
    state.moto = await startMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' });
    state.pg = await startPostgres();
    ({ dir: state.dir, cleanup: state.cleanup } = tempDir());
    await seedCisAccounts(state.moto);
    state.pg.createDatabase('lake');
    mkdirSync(join(state.dir, 'data'));
    state.lake = ['--store', `ducklake:postgres:${state.pg.libpq('lake')}`, '--data-path', join(state.dir, 'data')];
    // The lake's schema is created once before the workers start, as a deployment would (calabi status migrates).
    expect((await runCli([...state.lake, 'status'], env(), 300_000)).code).toBe(0);
    const single = await runCli(['--db', join(state.dir, 'calabi.duckdb'), ...syncArgs()], env(), 600_000);
    expect(single.code, single.stderr).toBe(1); // moto cannot serve a few collections
    const file = await Database.open(join(state.dir, 'calabi.duckdb'), { readOnly: true });
    try {
      state.file = await inventorySnapshot(file);
      // The row-for-row comparisons below compare a value of every column type the lake writes.
      expect(await columnTypesWithValues(file)).toEqual(allColumnTypes);
    } finally {
      file.close();
    }
  }, 900_000);

  afterAll(async () => {
    await state.moto?.stop();
    await state.pg?.stop();
    state.cleanup?.();
  });

  it('fills the lake with what one process syncs into a file, row for row per table', async () => {
    const workers = await Promise.all([0, 1, 2].map((i) => runCli([...state.lake, ...syncArgs(), '--shard', `${i}/3`, '--shard-group', 'first'], env(), 900_000)));
    for (const w of workers) expect(w.code, w.stderr).toBe(1);
    const lake = await lakeSnapshot();
    expect(differingTables(lake, state.file)).toEqual([]);
    expect(new Set(state.file.aws_accounts!.map((r) => JSON.parse(r).account_id))).toEqual(new Set([BAD, GOOD, THIRD]));
  }, 900_000);

  it('records each shard in sync_runs and shows in calabi status that all three finished', async () => {
    const status = await runCli([...state.lake, 'status', '--json'], env(), 300_000);
    expect(status.code, status.stderr).toBe(0);
    const run = JSON.parse(status.stdout) as { group: string; count: number; finished: boolean; shards: Array<{ index: number; status: string; accounts: number }> };
    expect(run).toMatchObject({ group: 'first', count: 3, finished: true });
    expect(run.shards.map((s) => [s.index, s.status, s.accounts])).toEqual([[0, 'partial', 1], [1, 'partial', 1], [2, 'partial', 1]]);
  }, 300_000);

  it('keeps the previous state readable when a worker is killed mid-write, and the next run completes', async () => {
    const before = await lakeSnapshot();
    const worker = spawn(process.execPath, ['bin/calabi.js', ...state.lake, ...syncArgs(), '--shard', '0/1', '--shard-group', 'killed'], {
      env: { ...process.env, ...env(), AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' },
      stdio: 'ignore',
    });
    // Kill it once it has committed some scopes of its run and is still writing others.
    const db = await openLake();
    try {
      for (;;) {
        const [row] = await db.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM sync_scopes WHERE run_id IN (SELECT id FROM sync_runs WHERE shard_group = 'killed')");
        if (row!.n > 0 || worker.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      db.close();
    }
    expect(worker.exitCode).toBeNull(); // still running: the kill lands mid-sync
    worker.kill('SIGKILL');
    await new Promise((r) => worker.once('exit', r));
    // Every scope was either replaced whole or not at all: the same estate reads the same, nothing half-written.
    const after = await lakeSnapshot();
    // The kill landed mid-run: the killed run had committed some of its scopes, not all (the run before it committed
    // every one, so the lake has a row in sync_scopes for each).
    const lake = await openLake();
    const [killed] = await lake
      .all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM sync_scopes WHERE run_id IN (SELECT id FROM sync_runs WHERE shard_group = 'killed')")
      .finally(() => lake.close());
    expect(killed!.n).toBeGreaterThan(0);
    expect(killed!.n).toBeLessThan(after.sync_scopes!.length);
    expect(differingTables(after, before).filter((t) => t !== 'sync_scopes')).toEqual([]);
    const next = await runCli([...state.lake, ...syncArgs(), '--shard', '0/1', '--shard-group', 'again'], env(), 900_000);
    expect(next.code, next.stderr).toBe(1);
    const final = await lakeSnapshot();
    expect(differingTables(final, state.file)).toEqual([]);
    const status = JSON.parse((await runCli([...state.lake, 'status', '--json', '--shard-group', 'again'], env(), 300_000)).stdout) as { finished: boolean };
    expect(status.finished).toBe(true);
  }, 1_200_000);
});
