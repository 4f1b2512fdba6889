/**
 * npm run bench:evaluate — evaluates all of cis-aws-3.0 over a synthetic inventory of about one million resources
 * (100 accounts × 2 regions), written straight into a temporary DuckDB file with INSERT … SELECT (no collectors,
 * no JS per row). Prints the evaluation time (cold, right after opening the file, then warm), the time of a plain
 * scan reading every column of the same tables (the floor), and their ratio. Target: under 2 s on 2 cores.
 * Then every benchmark of the catalogue evaluated at once (evaluateBenchmarks: one scan each, each check run once)
 * beside the union of their checks run once (a synthetic benchmark with one requirement per check). Target: all
 * frameworks within 1.5× of the union. The tables only aws-fsbp reads get rows too (bench/evaluate-fsbp-rows.ts;
 * the CIS tables' rows are unchanged), and aws-fsbp is evaluated the same way: target within 2× of cis-aws-3.0.
 * For each it also times the work no engine can skip (its checks' queries alone, storing its findings alone) and
 * sets it against the target's yardstick (the floor; cis-aws-3.0's whole evaluation).
 *
 *   npm run bench:evaluate [-- --accounts 100 --runs 3 --keep --run cis,fsbp,frameworks --inventory full|cis]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateBenchmark, evaluateBenchmarks } from '../controls/engine.js';
import { resourceCount } from '../controls/lazy-resources.js';
import { benchmarksInOrder } from '../controls/benchmarks.js';
import { materialiseSharedViews } from '../controls/shared-views.js';
import type { Catalog, LoadedBenchmark } from '../controls/loader.js';
import { loadCatalog } from '../controls/loader.js';
import { Database } from '../schema/db.js';
import { inventoryTables } from '../schema/inventory.js';
import { quoteIdent, quoteLiteral, type ColumnDef, type TableDef } from '../schema/table.js';
import { sqlObjects } from '../schema/sql-objects.js';
import { loadAverage } from './support.js';
import { overrides, perScope } from './evaluate-cis-rows.js';
import { defaultRows, fsbpRowsPerScope, generatedExpr, linkedExpr, literalsByColumn, parentOf } from './evaluate-fsbp-rows.js';

const { values: args } = parseArgs({
  options: {
    accounts: { type: 'string', default: '100' }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false },
    // What to evaluate: cis (cis-aws-3.0), fsbp (aws-fsbp, then its ratio to CIS), frameworks (every benchmark at once).
    run: { type: 'string', default: 'cis,fsbp,frameworks' },
    // full: the FSBP-only tables get rows too (evaluate-fsbp-rows.ts); cis: only the CIS tables, as before issue 11.
    inventory: { type: 'string', default: 'full' },
  },
});
const toRun = new Set(args.run.split(',').map((x) => x.trim()));
if (toRun.has('fsbp')) toRun.add('cis');
if (!['full', 'cis'].includes(args.inventory)) throw new Error(`--inventory takes full or cis, not ${args.inventory}`);
const accounts = Number(args.accounts);
const runs = Math.max(1, Number(args.runs));
const regions = ['us-east-1', 'eu-west-1'];

/** SQL for one column of one synthetic row; `a` account, `g` region, `i` index, `p` a per-row 0–99 pseudo-random. */
function expr(table: TableDef, c: ColumnDef): string {
  if (extended.has(table.name)) return extendedExpr(table, c);
  const o = overrides[`${table.name}.${c.name}`] ?? overrides[`*.${c.name}`];
  if (o) return o;
  // A column of a CIS table that no CIS 3.0 check (nor a view or macro they call) names: FSBP-aware values, which
  // leave CIS 3.0's verdicts and findings as they were (public_ip_address was set on every instance before).
  if (args.inventory === 'full' && !cisWords.has(c.name.toLowerCase())) return extendedExpr(table, c);
  switch (c.type) {
    case 'VARCHAR': return `'${c.name}-' || a || '-' || g || '-' || i`;
    case 'BOOLEAN': return 'p >= 10';
    case 'INTEGER': case 'DOUBLE': return 'p';
    case 'BIGINT': return 'i';
    case 'TIMESTAMP': return "(now()::TIMESTAMP - to_days(CAST(p AS INTEGER)))";
    case 'VARCHAR[]': return '[]::VARCHAR[]';
    case 'JSON': return 'NULL::JSON';
  }
}


/**
 * The tables only FSBP checks read: neither in perScope nor read by CIS 3.0 (aws_macie_sessions and
 * aws_account_alternate_contacts stay empty, as before, so CIS 3.0's verdicts stay comparable).
 */
const catalog = loadCatalog({ env: {} });
const checksOf = (id: string) => [...new Set(catalog.benchmarks.get(id)!.requirements.flatMap((r) => r.checks))].filter((c) => catalog.checks.has(c));
const tablesOf = (id: string) => new Set(checksOf(id).flatMap((c) => catalog.checks.get(c)!.tables));
const cisTables = tablesOf('cis-aws-3.0');
const extended = new Set(args.inventory === 'full' ? [...tablesOf('aws-fsbp')].filter((t) => !(t in perScope) && !cisTables.has(t) && t !== 'aws_accounts' && t !== 'aws_regions') : []);
const cisWords = new Set([...checksOf('cis-aws-3.0').map((c) => catalog.checks.get(c)!.sql), ...sqlObjects].join('\n').toLowerCase().match(/\w+/g));
const fsbpSql = checksOf('aws-fsbp').map((c) => catalog.checks.get(c)!);
// A table whose rows are identified by their region or account (one fact per scope: AWS Backup's region settings)
// gets one row per scope, as AWS has it.
const singleton = (t: TableDef) => t.resourceId === 'region' || t.resourceId === 'account_id';
const rowsOf = (t: TableDef) => (perScope[t.name] ?? (extended.has(t.name) ? fsbpRowsPerScope[t.name] ?? (singleton(t) ? 1 : defaultRows) : 0));

/** Where a generated table's columns go together: an unattached address has no association, instance nor interface. */
const extendedOverrides: Record<string, string> = {
  'aws_ec2_elastic_ips.association_id': "CASE WHEN p < 15 THEN NULL ELSE 'eipassoc-' || i END",
  'aws_ec2_elastic_ips.instance_id': "CASE WHEN p < 15 THEN NULL ELSE 'instance_id-' || a || '-' || g || '-' || (i % 1000) END",
  'aws_ec2_elastic_ips.network_interface_id': "CASE WHEN p < 15 THEN NULL ELSE 'network_interface_id-' || a || '-' || g || '-' || (i % 600) END",
  // JSON the checks read in AWS's own shape (a generated {"i": n} is no ACL nor selection, and the checks said so):
  // GetBucketAcl Grants, an array of grants, some to everyone; GetBackupSelection ListOfTags (an array) and
  // Conditions (an object of arrays), as in docs/fsbp.md.
  'aws_s3_buckets.acl_grants': `CASE WHEN p < 10 THEN json_array(json_object('Grantee', json_object('Type', 'CanonicalUser', 'ID', 'owner-' || a), 'Permission', 'FULL_CONTROL'),
    json_object('Grantee', json_object('Type', 'Group', 'URI', 'http://acs.amazonaws.com/groups/global/AllUsers'), 'Permission', CASE WHEN p < 5 THEN 'READ' ELSE 'WRITE' END))
    ELSE json_array(json_object('Grantee', json_object('Type', 'CanonicalUser', 'ID', 'owner-' || a), 'Permission', 'FULL_CONTROL')) END`,
  'aws_backup_selections.list_of_tags': "CASE WHEN p < 50 THEN json_array() ELSE json_array(json_object('ConditionType', 'STRINGEQUALS', 'ConditionKey', 'backup', 'ConditionValue', 'tag-' || (p % 3))) END",
  'aws_backup_selections.conditions': "json_object('StringEquals', json_array(), 'StringNotEquals', CASE WHEN p < 20 THEN json_array(json_object('ConditionKey', 'aws:ResourceTag/backup', 'ConditionValue', 'false')) ELSE json_array() END, 'StringLike', json_array(), 'StringNotLike', json_array())",
};

function extendedExpr(table: TableDef, c: ColumnDef): string {
  const own = extendedOverrides[`${table.name}.${c.name}`];
  if (own) return own;
  const link = parentOf(table, c, inventoryTables, rowsOf);
  if (link && link.parent.scope === table.scope) {
    const linked = linkedExpr(expr(link.parent, link.parent.columns.find((x) => x.name === link.column)!), link.parent, rowsOf(link.parent), c.type === 'VARCHAR' ? c : undefined);
    if (linked) return c.type === 'VARCHAR[]' ? `[${linked}]` : linked;
  }
  const o = overrides[`*.${c.name}`];
  if (o) return o;
  return generatedExpr(table, c, literalsOf(table).get(c.name));
}

/** literalsByColumn once per table (it scans every column's comparisons; asked once per column it was quadratic). */
const literalsCache = new Map<string, Map<string, string[]>>();
function literalsOf(table: TableDef): Map<string, string[]> {
  let found = literalsCache.get(table.name);
  if (!found) literalsCache.set(table.name, (found = literalsByColumn(table, fsbpSql.filter((k) => k.tables.includes(table.name)).map((k) => k.sql))));
  return found;
}

async function generate(db: Database): Promise<number> {
  const accountIds = Array.from({ length: accounts }, (_, k) => String(100000000000 + k));
  await db.run(`CREATE TEMP TABLE bench_accounts AS SELECT unnest([${accountIds.map(quoteLiteral).join(',')}]) AS a`);
  await db.run(`CREATE TEMP TABLE bench_regions AS SELECT unnest([${regions.map(quoteLiteral).join(',')}]) AS g`);
  let total = 0;
  for (const t of inventoryTables) {
    const n = t.name === 'aws_accounts' ? 1 : t.name === 'aws_regions' ? 0 : rowsOf(t);
    const scopes = t.scope === 'global' ? "(SELECT a, 'global' AS g FROM bench_accounts)" : '(SELECT a, g FROM bench_accounts CROSS JOIN bench_regions)';
    if (t.name === 'aws_regions') {
      await db.run(`INSERT INTO aws_regions (account_id, region, partition, opt_in_status, synced_at) SELECT a, g, 'aws', 'opt-in-not-required', now() FROM bench_accounts CROSS JOIN bench_regions`);
      continue;
    }
    if (n > 0) {
      const cols = t.columns.map((c) => quoteIdent(c.name)).join(', ');
      const exprs = t.columns.map((c) => expr(t, c)).join(',\n  ');
      await db.run(
        `INSERT INTO ${quoteIdent(t.name)} (${cols}) SELECT ${exprs}
         FROM (SELECT a, g, r.range AS i, CAST(hash(a, g, r.range, ${quoteLiteral(t.name)}) % 100 AS INTEGER) AS p, ${quoteLiteral(t.name)} AS tname FROM ${scopes} s CROSS JOIN range(${n}) r)`,
      );
      total += n * accounts * (t.scope === 'global' ? 1 : regions.length);
    }
    const scopeRows = t.scope === 'global' || t.name === 'aws_regions' ? "SELECT a, 'global' AS g FROM bench_accounts" : 'SELECT a, g FROM bench_accounts CROSS JOIN bench_regions';
    await db.run(
      `INSERT INTO sync_scopes (account_id, region, table_name, status, stale, row_count, synced_at, attempted_at, run_id)
       SELECT a, g, ${quoteLiteral(t.name)}, 'ok', false, ${n}, now(), now(), 'bench' FROM (${scopeRows})`,
    );
  }
  return total;
}

/**
 * The floor: read and decode every value the checks read, once, with nothing else. `count(col)` would not do:
 * DuckDB answers it from the column's statistics without touching the data. Hashing forces every value of
 * the column to be read and decoded, and the columns are those some check of the benchmark names.
 */
async function plainScan(db: Database, tables: readonly ScanTable[]): Promise<number> {
  const started = performance.now();
  for (const t of tables) {
    await db.all(`SELECT count(*), ${t.columns.map((c) => `bit_xor(hash(${quoteIdent(c)}))`).join(', ')} FROM ${quoteIdent(t.name)}`);
  }
  return performance.now() - started;
}

interface ScanTable {
  name: string;
  columns: string[];
}

/** The columns of each table that some check's SQL names (a word match is enough for a floor). */
function columnsRead(tables: readonly TableDef[], sqls: readonly string[]): ScanTable[] {
  const text = sqls.join('\n').toLowerCase();
  return tables.map((t) => ({
    name: t.name,
    columns: t.columns.map((c) => c.name).filter((c) => new RegExp(`\\b${c.toLowerCase()}\\b`).test(text)),
  })).map((t) => (t.columns.length ? t : { ...t, columns: ['account_id'] }));
}

type Timing = { wall: number; cpu: number };

/** Wall and CPU time (every thread of this process) of one run. */
async function timedCpu(run: () => Promise<unknown>): Promise<Timing> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

/**
 * Every benchmark at once against the union of their checks run once, best of `runs` each. The union is a
 * synthetic benchmark of one requirement per check, so it pays for each check's run and one stored scan; the
 * difference is what the extra scans cost (control rows and findings per benchmark).
 */
async function allFrameworks(db: Database, catalog: Catalog): Promise<{ ids: string[]; checks: number; union: Timing; all: Timing }> {
  const ids = benchmarksInOrder(catalog).map((b) => b.id);
  const checkIds = [...new Set(ids.flatMap((id) => catalog.benchmarks.get(id)!.requirements.flatMap((r) => r.checks)))].filter((id) => catalog.checks.has(id));
  const unionBenchmark: LoadedBenchmark = {
    id: 'bench-union', title: 'Union of every benchmark\'s checks', version: '1', file: 'bench/evaluate.ts', builtin: false,
    requirements: checkIds.map((id) => ({ id, title: id, section: 'all', assessment: 'Automated' as const, checks: [id] })),
  };
  const withUnion: Catalog = { ...catalog, benchmarks: new Map([...catalog.benchmarks, ['bench-union', unionBenchmark]]) };
  // Best wall time of the runs, and the CPU time of that run (all threads of this process).
  const best = async (run: () => Promise<unknown>) => {
    let min = { wall: Infinity, cpu: Infinity };
    for (let k = 0; k < runs; k++) {
      const t = await timedCpu(run);
      if (t.wall < min.wall) min = t;
    }
    return min;
  };
  const union = await best(() => evaluateBenchmark({ db, benchmarkId: 'bench-union', catalog: withUnion, trigger: 'bench' }));
  const all = await best(() => evaluateBenchmarks({ db, benchmarkIds: ids, catalog, trigger: 'bench' }));
  return { ids, checks: checkIds.length, union, all };
}

/**
 * The part of a benchmark's evaluation no engine can skip, measured apart so a ratio target can be set against
 * it: each check's query materialised once on one connection (an in-memory temp table, nothing counted, rendered
 * or stored; a shared view built once first, as the engine does), then the findings of the benchmark's last scan
 * inserted into an empty table shaped like `check_findings` and checkpointed (DuckDB's own storage work: string
 * compression and the write). CPU is every thread of this process.
 */
async function irreducible(db: Database, benchmarkId: string, scanId: string): Promise<{ queries: Timing; store: Timing; findings: number }> {
  const conn = await db.connect();
  try {
    const checks = checksOf(benchmarkId).map((id) => catalog.checks.get(id)!);
    const queries = await timedCpu(async () => {
      await materialiseSharedViews(conn, checks, Number.POSITIVE_INFINITY);
      for (const check of checks) {
        await conn.run(`CREATE OR REPLACE TEMP TABLE calabi_bench_rows AS SELECT * FROM (${check.sql}\n) q`);
      }
      await conn.run('DROP TABLE IF EXISTS calabi_bench_rows');
    });
    const evaluation = String((await db.one<{ e: string }>('SELECT evaluation_id AS e FROM scans WHERE id = ?', [scanId]))?.e);
    await conn.run(`CREATE OR REPLACE TEMP TABLE calabi_bench_findings AS SELECT * FROM check_findings WHERE evaluation_id = ${quoteLiteral(evaluation)}`);
    const findings = Number((await conn.runAndReadAll('SELECT count(*) FROM calabi_bench_findings')).getRowsJS()[0]?.[0] ?? 0);
    await conn.run('CREATE OR REPLACE TABLE calabi_bench_store AS SELECT * FROM check_findings LIMIT 0');
    await conn.run('CHECKPOINT');
    const store = await timedCpu(async () => {
      await conn.run('INSERT INTO calabi_bench_store SELECT * FROM calabi_bench_findings');
      await conn.run('CHECKPOINT');
    });
    await conn.run('DROP TABLE calabi_bench_store; DROP TABLE calabi_bench_findings');
    await conn.run('CHECKPOINT');
    return { queries, store, findings };
  } finally {
    conn.closeSync();
  }
}

function printIrreducible(label: string, w: Awaited<ReturnType<typeof irreducible>>): number {
  const cpu = w.queries.cpu + w.store.cpu;
  console.log(`  ${label}: its checks' queries alone ${(w.queries.wall / 1000).toFixed(2)} s wall / ${(w.queries.cpu / 1000).toFixed(2)} s CPU; storing its ${w.findings.toLocaleString('en')} findings alone ${(w.store.wall / 1000).toFixed(2)} s / ${(w.store.cpu / 1000).toFixed(2)} s CPU; together ${(cpu / 1000).toFixed(2)} s CPU`);
  return cpu;
}

/** One benchmark evaluated `runs` times (first cold, the rest warm): wall and CPU time, verdicts, slowest requirements. */
async function measure(db: Database, benchmarkId: string) {
  const times: number[] = [];
  const cpus: number[] = [];
  let last: Awaited<ReturnType<typeof evaluateBenchmark>> | undefined;
  for (let k = 0; k < runs; k++) {
    const t = await timedCpu(async () => (last = await evaluateBenchmark({ db, benchmarkId, catalog, trigger: 'bench' })));
    times.push(t.wall);
    cpus.push(t.cpu);
  }
  const slow = await db.all<{ control_id: string; duration_ms: number; affected_count: number }>(
    'SELECT control_id, round(duration_ms) AS duration_ms, affected_count FROM control_results WHERE scan_id = ? ORDER BY duration_ms DESC LIMIT 5',
    [last!.scan.id],
  );
  // Warm: the best run after the first; CPU likewise (all threads of this process: steadier than wall under load).
  const warmOf = (xs: number[]) => Math.min(...(xs.length > 1 ? xs.slice(1) : xs));
  return { id: benchmarkId, last: last!, cold: times[0]!, warm: warmOf(times), cpu: warmOf(cpus), slow };
}

function printMeasure(m: Awaited<ReturnType<typeof measure>>, tables: number, checks: number): void {
  const findings = m.last.controls.reduce((n, c) => n + resourceCount(c), 0);
  const s = m.last.summary;
  console.log(`${m.id}: ${m.last.controls.length} requirements, ${checks} checks over ${tables} tables; ${findings.toLocaleString('en')} findings; PASS ${s.pass} FAIL ${s.fail} ERROR ${s.error} SKIP ${s.skip} MANUAL ${s.manual}`);
  console.log(`  evaluation: first ${(m.cold / 1000).toFixed(2)} s, best of the next ${Math.max(0, runs - 1)}: ${(m.warm / 1000).toFixed(2)} s wall, ${(m.cpu / 1000).toFixed(2)} s CPU`);
  console.log(`  slowest requirements (sum of their checks' time, ms): ${m.slow.map((r) => `${r.control_id} ${r.duration_ms} (${r.affected_count} failing)`).join(', ')}`);
}

const dir = mkdtempSync(join(tmpdir(), 'calabi-bench-'));
const path = join(dir, 'bench.duckdb');
try {
  let db = await Database.open(path);
  const t0 = performance.now();
  const resources = await generate(db);
  await db.run('CHECKPOINT');
  console.log(`inventory: ${resources.toLocaleString('en')} resources in ${accounts} accounts × ${regions.length} regions (${extended.size} FSBP-only tables generated), written in ${((performance.now() - t0) / 1000).toFixed(1)} s (${path})`);
  db.close();

  const checkIds = new Set(checksOf('cis-aws-3.0'));
  const tableDefs = inventoryTables.filter((t) => cisTables.has(t.name));
  const tables = columnsRead(tableDefs, [...checkIds].map((id) => catalog.checks.get(id)?.sql ?? ''));

  db = await Database.open(path);
  console.log(`load average ${loadAverage()}`);
  const cis = await measure(db, 'cis-aws-3.0');
  const floors: number[] = [];
  const floorCpus: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = await timedCpu(() => plainScan(db, tables));
    floors.push(t.wall);
    floorCpus.push(t.cpu);
  }
  printMeasure(cis, tables.length, checkIds.size);
  const floor = Math.min(...floors);
  const floorCpu = Math.min(...floorCpus);
  console.log(`  target < 2 s wall; plain scan of the same ${tables.length} tables (floor): ${(floor / 1000).toFixed(2)} s; ratio evaluation / floor (wall) ${(cis.warm / floor).toFixed(1)}×`);
  console.log(`  CPU time: evaluation ${(cis.cpu / 1000).toFixed(2)} s, floor ${(floorCpu / 1000).toFixed(2)} s, ratio ${(cis.cpu / floorCpu).toFixed(1)}× (target ≤ 2×; load average ${loadAverage()})`);
  const cisMinimum = printIrreducible('what cis-aws-3.0 cannot skip', await irreducible(db, 'cis-aws-3.0', cis.last.scan.id));
  console.log(`  that part alone / floor (CPU): ${(cisMinimum / floorCpu).toFixed(1)}× (the target allows 2× for the whole evaluation)`);

  if (toRun.has('fsbp')) {
    const fsbp = await measure(db, 'aws-fsbp');
    printMeasure(fsbp, tablesOf('aws-fsbp').size, checksOf('aws-fsbp').length);
    console.log(`  aws-fsbp / cis-aws-3.0, warm: wall ${(fsbp.warm / cis.warm).toFixed(2)}×, CPU ${(fsbp.cpu / cis.cpu).toFixed(2)}× (target ≤ 2×; load average ${loadAverage()})`);
    const fsbpWork = await irreducible(db, 'aws-fsbp', fsbp.last.scan.id);
    const fsbpMinimum = printIrreducible('what aws-fsbp cannot skip', fsbpWork);
    console.log(`  that part alone / cis-aws-3.0's whole evaluation (CPU): ${(fsbpMinimum / cis.cpu).toFixed(1)}× (the target allows 2× for the whole evaluation)`);
    const fsbpTables = columnsRead(inventoryTables.filter((t) => tablesOf('aws-fsbp').has(t.name)), checksOf('aws-fsbp').map((id) => catalog.checks.get(id)!.sql));
    const fsbpFloor = (await timedCpu(() => plainScan(db, fsbpTables))).cpu;
    console.log(`  aws-fsbp's floor (plain scan of its ${fsbpTables.length} tables) ${(fsbpFloor / 1000).toFixed(2)} s CPU; with storing its findings alone: ${((fsbpFloor + fsbpWork.store.cpu) / cis.cpu).toFixed(1)}× cis-aws-3.0's whole evaluation (CPU)`);
  }
  if (toRun.has('frameworks')) {
    const { ids, checks, union, all } = await allFrameworks(db, catalog);
    console.log(`all frameworks (${ids.length} benchmarks: ${ids.join(', ')}), ${checks} distinct checks:`);
    console.log(`  cis-aws-3.0 alone ${(cis.warm / 1000).toFixed(2)} s; union of the checks run once ${(union.wall / 1000).toFixed(2)} s (CPU ${(union.cpu / 1000).toFixed(2)} s); all frameworks at once ${(all.wall / 1000).toFixed(2)} s (CPU ${(all.cpu / 1000).toFixed(2)} s); ratio all / union ${(all.wall / union.wall).toFixed(2)}× wall, ${(all.cpu / union.cpu).toFixed(2)}× CPU (target ≤ 1.5×; load average ${loadAverage()})`);
  }
  db.close();
} finally {
  if (!args.keep) rmSync(dir, { recursive: true, force: true });
}
