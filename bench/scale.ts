// npm run bench:scale — sharded sync throughput (issue 15, docs/ducklake.md). N = 1, 2, 4 `calabi sync --shard I/N`
// worker processes, as users run them, sync 12 moto accounts into one DuckLake catalogued in a real PostgreSQL
// (started here, testkit/postgres.ts) with a local data path. moto answers a call in a few milliseconds; real AWS
// in 50–150 ms, so every call goes through a proxy (bench/latency-proxy.ts) that waits --latency ms first. Prints
// wall time per N, speed-up over one worker, and `calabi evaluate` time on the lake vs on a DuckDB file holding the
// same inventory.
//
//   npm run bench:scale -- [--latency MS] [--workers 1,2,4] [--services iam,s3,…] [--regions r1,r2]
//   (or BENCH_LATENCY_MS, BENCH_WORKERS, BENCH_SERVICES, BENCH_REGIONS)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { shardOfAccount } from '../sync/shard.js';
import { startMoto } from '../testkit/moto.js';
import { startPostgres } from '../testkit/postgres.js';
import { startLatencyProxy } from './latency-proxy.js';
import { seedAccount } from './scale-seed.js';
import { loadAverage, pool, printTable } from './support.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

function setting(flag: string, env: string, fallback: string): string {
  const i = process.argv.indexOf(flag);
  return (i >= 0 ? process.argv[i + 1] : undefined) ?? process.env[env] ?? fallback;
}
const latencyMs = Number(setting('--latency', 'BENCH_LATENCY_MS', '100'));
const workerCounts = setting('--workers', 'BENCH_WORKERS', '1,2,4').split(',').map(Number);
// A representative set (the CIS services: global IAM/S3, regional EC2, logging and monitoring), so the default run
// finishes in minutes on a shared machine; --services all syncs every service.
const servicesFlag = setting('--services', 'BENCH_SERVICES', 'iam,s3,ec2,cloudtrail,config,kms,logs,cloudwatch,sns');
const regions = setting('--regions', 'BENCH_REGIONS', 'us-east-1');
const benchmark = setting('--benchmark', 'BENCH_BENCHMARK', 'cis-aws-3.0');
if (!(latencyMs >= 0) || workerCounts.some((n) => !Number.isInteger(n) || n < 1)) {
  throw new Error('--latency takes milliseconds (e.g. 100) and --workers whole numbers (e.g. 1,2,4)');
}

/**
 * Twelve account ids, three per residue of the shard hash mod 4: each of N = 1, 2, 4 workers gets an equal share
 * (6 or 3 accounts), as an organization of thousands gets on average. With ids taken at random, 12 accounts split
 * unevenly and the bench would measure the luck of the hash, not the workers.
 */
function balancedAccounts(): string[] {
  const perShard = new Map<number, string[]>();
  for (let i = 1; [...perShard.values()].flat().length < 12; i++) {
    const id = String(100000000000 + i * 7919);
    const s = shardOfAccount(id, 4);
    const list = perShard.get(s) ?? [];
    if (list.length < 3) perShard.set(s, [...list, id]);
  }
  return [...perShard.values()].flat().sort();
}

interface Run { code: number | null; stdout: string; stderr: string; ms: number; cpuMs?: number }

// GNU time reports a worker's CPU (user + system): on a shared machine it tells CPU-bound from latency-bound.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** `node bin/calabi.js …` with only the bench's AWS and Calabi settings, as a worker of a Job would run it. */
function calabi(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base = { ...process.env };
  for (const k of Object.keys(base)) if (k.startsWith('AWS_') || k.startsWith('CALABI_')) delete base[k];
  const t0 = performance.now();
  const cpuFile = join(dir, `cpu-${Math.random().toString(36).slice(2)}`);
  const command = gnuTime ? [gnuTime, '-f', '%U %S', '-o', cpuFile, process.execPath] : [process.execPath];
  return new Promise((resolve, reject) => {
    const proc = spawn(command[0]!, [...command.slice(1), 'bin/calabi.js', ...args], {
      env: {
        ...base, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', CALABI_EXTENSION_DIR: process.env.CALABI_EXTENSION_DIR ?? '.duckdb-extensions', ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += String(d)));
    proc.stderr.on('data', (d) => (stderr += String(d)));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const [user, system] = gnuTime && existsSync(cpuFile) ? readFileSync(cpuFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : [];
      const cpuMs = user !== undefined && system !== undefined ? (user + system) * 1000 : undefined;
      resolve({ code, stdout, stderr, ms: performance.now() - t0, cpuMs });
    });
  });
}

/** A sync ends 0, or 1 with collection errors moto cannot serve; anything else is the bench failing. */
function expectSynced(r: Run, what: string): void {
  if (r.code !== 0 && r.code !== 1) throw new Error(`${what} failed (exit ${r.code}):\n${r.stderr.slice(-3000)}`);
}

const accounts = balancedAccounts();
const syncArgs = (endpoint: string) => ['sync', '--endpoint-url', endpoint, '--regions', regions, '--services', servicesFlag, '--accounts', accounts.join(','), '--role-name', 'calabi'];
const dir = mkdtempSync(join(tmpdir(), 'calabi-bench-scale-'));
console.log(`load average ${loadAverage()} on ${availableParallelism()} cores (the machine may be shared)`);
printTable([
  ['accounts', `${accounts.length} (3 per shard of 4: even shares for N = 1, 2, 4)`],
  ['regions', regions],
  ['services', servicesFlag],
  ['per-call latency (proxy)', `${latencyMs} ms`],
  ['workers', workerCounts.join(', ')],
  ['catalog', 'PostgreSQL (local, fsync off), data path a local directory'],
]);

const moto = await startMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' });
const pg = await startPostgres();
const proxy = await startLatencyProxy(moto.endpoint, latencyMs);
try {
  process.stdout.write(`seeding ${accounts.length} accounts in moto … `);
  const seedStart = performance.now();
  await pool(accounts, 4, (a) => seedAccount(moto, a, regions.split(',')));
  console.log(`${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  // The file the lake is compared with: one process, straight to moto (no latency): what the sync costs without
  // waiting on AWS nor committing to a lake, for comparison.
  const file = join(dir, 'calabi.duckdb');
  const fileSync = await calabi(['--db', file, ...syncArgs(moto.endpoint)]);
  expectSynced(fileSync, 'the sync into the file');
  console.log(`  one process into a DuckDB file, no latency: ${(fileSync.ms / 1000).toFixed(1)} s${fileSync.cpuMs === undefined ? '' : `, CPU ${(fileSync.cpuMs / 1000).toFixed(1)} s`}`);

  const results: Array<{ n: number; ms: number; slowest: number; calls: number; conflicts: number; cpuMs?: number }> = [];
  let lastLake: string[] = [];
  for (const n of workerCounts) {
    const database = `lake_${n}`;
    pg.createDatabase(database);
    mkdirSync(join(dir, database));
    const lake = ['--store', `ducklake:postgres:${pg.libpq(database)}`, '--data-path', join(dir, database)];
    // The schema is created once before the workers start, as a deployment does (docs/ducklake.md); not timed.
    const migrate = await calabi([...lake, 'status']);
    if (migrate.code !== 0) throw new Error(`calabi status on the new lake failed:\n${migrate.stderr}`);
    const callsBefore = proxy.calls();
    const t0 = performance.now();
    // CALABI_DEBUG makes each worker print a line per lake commit conflict it retried (schema/lake-retry.ts).
    const workers = await Promise.all(Array.from({ length: n }, (_, i) => calabi([...lake, ...syncArgs(proxy.endpoint), '--shard', `${i}/${n}`, '--shard-group', `bench-${n}`], { CALABI_DEBUG: '1' })));
    const ms = performance.now() - t0;
    workers.forEach((w, i) => expectSynced(w, `worker ${i}/${n}`));
    const conflicts = workers.reduce((sum, w) => sum + (w.stderr.match(/lake commit conflict/g)?.length ?? 0), 0);
    const cpuMs = workers.every((w) => w.cpuMs !== undefined) ? workers.reduce((sum, w) => sum + w.cpuMs!, 0) : undefined;
    results.push({ n, ms, slowest: Math.max(...workers.map((w) => w.ms)), calls: proxy.calls() - callsBefore, conflicts, cpuMs });
    console.log(`  N = ${n}: ${(ms / 1000).toFixed(1)} s (${proxy.calls() - callsBefore} API calls through the proxy, ${conflicts} commit conflicts retried${cpuMs === undefined ? '' : `, workers' CPU ${(cpuMs / 1000).toFixed(1)} s`})`);
    lastLake = lake;
  }

  const one = results.find((r) => r.n === 1);
  console.log(`\nsharded sync, ${accounts.length} accounts × ${regions.split(',').length} regions, ${latencyMs} ms per call:`);
  printTable(results.map((r) => [
    `N = ${r.n} worker${r.n > 1 ? 's' : ''}`,
    `${(r.ms / 1000).toFixed(1)} s wall${one ? `, speed-up ×${(one.ms / r.ms).toFixed(2)}` : ''}, ${(r.ms / 1000 / (accounts.length / r.n)).toFixed(1)} s per account per worker, ${r.calls} calls, ${r.conflicts} conflicts retried${r.cpuMs === undefined ? '' : `, CPU ${(r.cpuMs / 1000).toFixed(1)} s (${(r.cpuMs / 1000 / accounts.length).toFixed(1)} s per account)`}`,
  ]));
  if (one) {
    const perAccount = one.ms / 1000 / accounts.length;
    const hours = (workers: number) => {
      const s = Math.ceil(2000 / workers) * perAccount;
      return s >= 3600 ? `${(s / 3600).toFixed(1)} h` : `${Math.round(s / 60)} min`;
    };
    console.log(`\nextrapolation to 2,000 accounts (assumes each worker syncs its accounts one after another at N = 1's ${perAccount.toFixed(1)} s per account,`);
    console.log('on its own machine, and the catalog keeps up; the same regions and services as here):');
    printTable([1, 16, 64, 200].map((w) => [`${w} worker${w > 1 ? 's' : ''}`, hours(w)]));
  }

  // Evaluation: the same SQL on the lake (the last N's) and on the file; the verdicts must agree.
  console.log(`\ncalabi evaluate ${benchmark} --format json (process wall time, twice each):`);
  const evaluate = async (store: string[], label: string) => {
    const runs: Run[] = [];
    for (let i = 0; i < 2; i++) runs.push(await calabi([...store, 'evaluate', benchmark, '--format', 'json']));
    for (const r of runs) if (r.code !== 0 && r.code !== 1) throw new Error(`evaluate on the ${label} failed (exit ${r.code}):\n${r.stderr.slice(-3000)}`);
    const report = JSON.parse(runs[1]!.stdout) as { scan: { report_id?: string }; controls: Array<{ id: string; status: string }> };
    return { label, ms: runs.map((r) => r.ms), verdicts: JSON.stringify(report.controls.map((c) => [c.id, c.status])), reportId: report.scan.report_id };
  };
  const onFile = await evaluate(['--db', file], 'file');
  const onLake = await evaluate(lastLake, 'lake');
  printTable([onFile, onLake].map((e) => [`on the ${e.label}`, e.ms.map((m) => `${(m / 1000).toFixed(1)} s`).join(', ')]));
  console.log(`  verdicts ${onFile.verdicts === onLake.verdicts ? 'identical' : 'DIFFER'}, report id ${onFile.reportId === onLake.reportId ? 'identical' : 'differs'}`);
  console.log(`\nload average at the end ${loadAverage()}`);
} finally {
  await proxy.close();
  await pg.stop();
  await moto.stop();
  rmSync(dir, { recursive: true, force: true });
}
