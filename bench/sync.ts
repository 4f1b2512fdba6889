// npm run bench:sync — seeds moto_server across two regions (bench/sync-seed.ts: hundreds of the CIS-era kinds, a
// few of every other kind the sync collects), runs the real sync, and prints rows, API calls per resource, peak
// memory, and per service its rows, calls, calls per row and scope time. The sync's HTTP answers are recorded and
// replayed from memory with no latency, so Calabi's own CPU per resource (and the AWS SDK's share of it) shows.
// Then it measures DuckDB insert throughput on its own with a synthetic batch through the scope writer, beside DuckDB
// inserting the same rows with no client (the ceiling of any client path).
import { Database } from '../schema/db.js';
import { findTable } from '../schema/inventory.js';
import { runSync } from '../sync/runner.js';
import { writeScope } from '../sync/writer.js';
import { startMoto, testCredentials } from '../testkit/moto.js';
import { cpuMs, recorder, replayer, sdkShare } from './replay.js';
import { seedEstate } from './sync-seed.js';
import { formatServiceLines, perService, scopeTimer } from './sync-report.js';
import { loadAverage, peakRssMb, printTable, timed } from './support.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const regions = ['us-east-1', 'eu-west-1'];
const scale = Number(process.env.BENCH_SCALE ?? 1);

/** Insert throughput, measured apart from AWS and first, in a fresh heap: one 500,000-row scope through the writer. */
async function measureInserts(): Promise<void> {
  const table = findTable('aws_ec2_security_group_rules') ?? findTable('aws_regions')!;
  const n = Number(process.env.BENCH_INSERT_ROWS ?? 500_000);
  const rows = Array.from({ length: n }, (_, i) => {
    const row: Record<string, unknown> = {};
    for (const c of table.columns) {
      if (c.type === 'VARCHAR') row[c.name] = `${c.name}-${i}`;
      else if (c.type === 'BOOLEAN') row[c.name] = i % 2 === 0;
      else if (c.type === 'INTEGER' || c.type === 'BIGINT' || c.type === 'DOUBLE') row[c.name] = i % 65536;
      else if (c.type === 'JSON') row[c.name] = { i, cidr: '10.0.0.0/8' };
      else if (c.type === 'VARCHAR[]') row[c.name] = ['a', 'b'];
    }
    return row;
  });
  console.log(`\nload average ${loadAverage()}`);
  console.log(`DuckDB insert throughput (${table.name}, ${table.columns.length} columns, ${n} rows in one scope transaction):`);
  const { rmSync } = await import('node:fs');
  // The writer's appender (its default) and the staged path (JSON files read by DuckDB, schema/staged-insert.ts),
  // in the same process, on the same rows. Closing is included: it checkpoints the write-ahead log into the file.
  const file = `/tmp/calabi-bench-insert-${process.pid}.duckdb`;
  const removeFile = () => { for (const suffix of ['', '.wal']) rmSync(`${file}${suffix}`, { force: true }); };
  for (const [label, path] of [['in memory', ':memory:'], ['file on disk (incl. WAL and checkpoint)', file]] as const) {
    for (const via of ['appender', 'staged'] as const) {
      const target = await Database.open(path);
      const cpu = process.cpuUsage();
      const insert = await timed(async () => {
        await writeScope(target, { runId: 'bench', accountId: '111111111111', region: 'us-east-1', tables: [table], collected: { [table.name]: rows }, now: new Date(), errors: [], via });
        target.close();
      });
      const used = process.cpuUsage(cpu);
      if (path !== ':memory:') removeFile();
      printTable([[`${label}, ${via === 'appender' ? 'appender (default)' : 'staged JSON files'}: rows per second`, `${Math.round(n / (insert.ms / 1000))} (${(insert.ms / 1000).toFixed(2)} s, CPU ${((used.user + used.system) / 1e6).toFixed(2)} s)`]]);
    }
  }
  // The ceiling of any client path: DuckDB inserting the same rows with no client at all, from an in-memory copy
  // into an empty table of the same columns in a file, then checkpointing (as the rows above include closing).
  const target = await Database.open(file);
  try {
    await writeScope(target, { runId: 'bench', accountId: '111111111111', region: 'us-east-1', tables: [table], collected: { [table.name]: rows }, now: new Date(), errors: [] });
    await target.run(`CREATE TEMP TABLE calabi_bench_copy AS SELECT * FROM ${table.name}`);
    await target.run(`CREATE TABLE calabi_bench_engine AS SELECT * FROM ${table.name} LIMIT 0`);
    await target.run('CHECKPOINT');
    const cpu = process.cpuUsage();
    const insert = await timed(async () => {
      await target.run('INSERT INTO calabi_bench_engine SELECT * FROM calabi_bench_copy');
      await target.run('CHECKPOINT');
    });
    const used = process.cpuUsage(cpu);
    printTable([['file on disk, DuckDB alone (INSERT … SELECT from an in-memory copy, CHECKPOINT): rows per second', `${Math.round(n / (insert.ms / 1000))} (${(insert.ms / 1000).toFixed(2)} s, CPU ${((used.user + used.system) / 1e6).toFixed(2)} s)`]]);
  } finally {
    target.close();
    removeFile();
  }
}

if (process.argv.includes('--inserts-only')) {
  await measureInserts();
  process.exit(0);
}

console.log(`load average ${loadAverage()} on ${(await import('node:os')).availableParallelism()} cores (the machine may be shared)`);
const moto = await startMoto();
const tape = recorder();
let live: Awaited<ReturnType<typeof runSync>>;
try {
  console.log(`seeding moto at ${moto.endpoint} (scale ${scale}) …`);
  const seed = await timed(() => seedEstate(moto, regions, scale));
  console.log(`seeded in ${(seed.ms / 1000).toFixed(1)} s; slowest steps: ${[...seed.value].sort((a, b) => b.ms - a.ms).slice(0, 5).map((x) => `${x.step} ${(x.ms / 1000).toFixed(1)} s`).join(', ')}`);

  const db = await Database.open(':memory:');
  const rssBefore = peakRssMb();
  const timer = scopeTimer();
  const sync = await timed(() => runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, regions, configureClient: tape.configure, onProgress: timer.onProgress }));
  const r = sync.value;
  console.log('\nsync against moto_server (2 regions):');
  printTable([
    ['resources (rows written)', r.resources],
    ['API calls', r.apiCalls],
    ['API calls per resource', (r.apiCalls / Math.max(1, r.resources)).toFixed(2)],
    ['duration', `${(sync.ms / 1000).toFixed(2)} s`],
    ['resources per second', Math.round(r.resources / (sync.ms / 1000))],
    ['collection errors', r.errors.length],
    ['peak RSS (process)', `${peakRssMb()} MB (before sync ${rssBefore} MB)`],
  ]);
  if (r.errors.length) console.log('  collection errors:', r.errors.map((e) => `${e.service} ${e.operation} ${e.region ?? ''} ${e.code}`).join('; '));
  // Per service: rows of its tables, its collectors' calls (whichever SDK client made them), and
  // its scopes' time summed (they overlap, so the sum exceeds the sync's wall time).
  console.log('\nper service (live sync against moto):');
  for (const line of formatServiceLines(perService(r, timer.msByService))) console.log(`  ${line}`);
  db.close();
  live = r;
} finally {
  await moto.stop();
}

// The same sync answered from the tape (moto is stopped): no network, no latency, only CPU.
const replaySync = async (configureClient: (client: unknown, service: string) => void) => {
  const target = await Database.open(':memory:');
  try {
    return await runSync({ db: target, credentials: testCredentials, endpoint: moto.endpoint, regions, configureClient });
  } finally {
    target.close();
  }
};
const first = replayer(tape.tape);
const replay = await cpuMs(() => replaySync(first.configure));
const profiled = await sdkShare(() => replaySync(replayer(tape.tape).configure));
console.log(`\nreplay of the ${tape.calls()} recorded answers from memory (zero latency):`);
printTable([
  ['resources (rows written)', `${replay.value.resources} (live: ${live.resources})`],
  ['answers missing from the tape', first.misses()],
  ['collection errors', replay.value.errors.length],
  ['CPU time', `${Math.round(replay.cpuMs)} ms (wall ${Math.round(replay.wallMs)} ms)`],
  ['CPU per resource', `${(replay.cpuMs / Math.max(1, replay.value.resources)).toFixed(3)} ms`],
  ['share inside the AWS SDK (sampled)', `${Math.round(profiled.sdkShare * 100)} %`],
]);
// A replay must reproduce the live sync: an error the live sync did not have names what the tape got wrong.
const liveErrors = new Set(live.errors.map((e) => `${e.table} ${e.operation} ${e.code}`));
const fresh = replay.value.errors.filter((e) => !liveErrors.has(`${e.table} ${e.operation} ${e.code}`));
if (fresh.length) console.log('  errors the live sync did not have:', fresh.slice(0, 20).map((e) => `${e.service} ${e.operation} ${e.region ?? ''} ${e.code}: ${e.message.slice(0, 120)}`).join('; '));

// In its own process, so its 500,000 rows neither inflate the sync's peak memory nor feel the sync's heap.
const { spawnSync } = await import('node:child_process');
spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--inserts-only'], { stdio: 'inherit' });
