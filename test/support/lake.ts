import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../lib/package-root.js';
import type { Database } from '../../schema/db.js';
import type { ColumnKind } from '../../schema/table.js';
import { postgresBin } from './postgres.js';

/**
 * What the DuckLake tests need beyond moto: the ducklake and postgres extension files in a local directory
 * (scripts/duckdb-extensions.sh puts them in .duckdb-extensions/; CALABI_EXTENSION_DIR points elsewhere) and
 * PostgreSQL's programs. Missing on a developer's machine, the tests are skipped with this reason; in CI (.ci/run
 * installs both) a missing piece fails the run instead of passing it silently.
 */
export function lakeSkipReason(): string | undefined {
  const dir = extensionDir();
  const reasons: string[] = [];
  if (!hasExtensions(dir)) reasons.push(`the DuckDB extensions are not in ${dir}: run scripts/duckdb-extensions.sh`);
  if (!postgresBin()) reasons.push('PostgreSQL is not installed: apt-get install postgresql');
  if (reasons.length === 0) {
    process.env.CALABI_EXTENSION_DIR = dir; // the lake opened in this process loads them from there
    return undefined;
  }
  const reason = reasons.join('; ');
  if (process.env.CI) throw new Error(`DuckLake tests cannot run in CI: ${reason}`);
  process.stderr.write(`skipping the DuckLake tests: ${reason}\n`);
  return reason;
}

export function extensionDir(): string {
  return process.env.CALABI_EXTENSION_DIR || join(packageRoot, '.duckdb-extensions');
}

function hasExtensions(dir: string): boolean {
  if (!existsSync(dir)) return false;
  const files = (function walk(d: string): string[] {
    return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [e.name]));
  })(dir);
  return files.includes('ducklake.duckdb_extension') && files.includes('postgres_scanner.duckdb_extension');
}

/**
 * The services test/e2e/ducklake.test.ts syncs, instead of all of them (a full sync of every service takes minutes
 * against moto_server, and the lake writes each scope through PostgreSQL): every service CIS AWS 3.0's checks read
 * (their SQL, views and macros expanded as controls/check-tables.ts derives them), so evaluating cis-aws-3.0 on the
 * result gives the verdicts a full sync would. On the CIS accounts (testkit/cis-accounts.ts) their tables hold a
 * value of every column type the inventory uses (VARCHAR, BOOLEAN, INTEGER, BIGINT, DOUBLE, TIMESTAMP, VARCHAR[],
 * JSON; CloudWatch alarm thresholds give DOUBLE, logs, EFS and RDS give BIGINT): the tests assert that with
 * columnTypesWithValues, so the lake's write path is still exercised for each type. Macie and the Account API keep
 * the collection errors moto cannot avoid, which the test expects (exit 1, "collection error"). If a check comes to
 * read another service's table, add the service here (its requirement would otherwise be in ERROR on both sides).
 */
export const lakeTestServices = [
  'accessanalyzer', 'account', 'cloudtrail', 'cloudwatch', 'config', 'ec2', 'efs', 'iam', 'kms', 'logs', 'macie', 'rds', 's3', 'securityhub', 'sns',
] as const;

/** Every column type of schema/table.ts (the compiler refuses a ColumnKind missing here), as duckdb_columns() names it, sorted. */
const columnKinds: Record<ColumnKind, true> = { VARCHAR: true, JSON: true, BOOLEAN: true, BIGINT: true, INTEGER: true, DOUBLE: true, TIMESTAMP: true, 'VARCHAR[]': true };
export const allColumnTypes: readonly string[] = Object.keys(columnKinds).sort();

/** A timestamp in an API answer (RE2, for regexp_replace). */
const asOfNow = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?`;

/**
 * The inventory as comparable text: every aws_* table's rows (without synced_at, the one column that differs
 * between two syncs of the same estate) as JSON, sorted, and sync_scopes without its times and run ids. In `raw` (the
 * API's response as read) timestamps are masked: some answers are "as of now" and differ between two syncs of one
 * estate (a trail's LatestDeliveryTime, an EFS file system's SizeInBytes.Timestamp); the typed columns are compared
 * whole. The rows of all tables are read in one statement: on a lake each statement costs a round of catalog
 * reads from PostgreSQL, and one statement per table took 10-17 s per snapshot of the ~150 tables.
 */
export async function inventorySnapshot(db: Database): Promise<Record<string, string[]>> {
  const columns = await db.all<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database() AND (table_name LIKE 'aws\\_%' ESCAPE '\\') " +
      'AND table_oid IN (SELECT table_oid FROM duckdb_tables()) ORDER BY table_name',
  );
  const tables = [...new Set(columns.map((c) => c.table_name))];
  const hasRaw = new Set(columns.filter((c) => c.column_name === 'raw').map((c) => c.table_name));
  const out: Record<string, string[]> = Object.fromEntries(tables.map((t) => [t, []]));
  const selects = tables.map((t) => {
    const replace = [
      // moto answers Athena's built-in "primary" workgroup with the time of the call as its CreationTime (AWS gives
      // the account's first use): masked here, as two syncs of one estate would otherwise differ.
      ...(t === 'aws_athena_workgroups' ? ["CASE WHEN name = 'primary' THEN NULL ELSE creation_time END AS creation_time"] : []),
      ...(hasRaw.has(t) ? [`regexp_replace(raw::VARCHAR, '${asOfNow}', '<time>', 'g') AS raw`] : []),
    ];
    return `SELECT '${t}' AS t, to_json(x)::VARCHAR AS j FROM (SELECT * EXCLUDE (synced_at)${replace.length ? ` REPLACE (${replace.join(', ')})` : ''} FROM "${t}") AS x`;
  });
  // In groups on connections of their own, at once: a lake looks each table up in its catalog (PostgreSQL) as the
  // query is planned, one after another within a query, which is most of a lake snapshot's time (~80 ms a table).
  const groups = Array.from({ length: 4 }, (_, g) => selects.filter((_, i) => i % 4 === g)).filter((x) => x.length);
  const read = await Promise.all(groups.map(async (group) => {
    const conn = await db.connect();
    try {
      return await db.all<{ t: string; j: string }>(group.join('\nUNION ALL\n'), [], conn);
    } finally {
      conn.closeSync();
    }
  }));
  for (const { t, j } of read.flat()) out[t]!.push(j);
  for (const t of tables) out[t]!.sort();
  out.sync_scopes = (await db.all('SELECT * EXCLUDE (synced_at, attempted_at, run_id) FROM sync_scopes')).map((r) => JSON.stringify(r)).sort();
  return out;
}

/** The tables whose rows differ between two snapshots (empty: the same inventory, row for row). */
export function differingTables(a: Record<string, string[]>, b: Record<string, string[]>): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.filter((t) => JSON.stringify(a[t]) !== JSON.stringify(b[t]));
}

/**
 * The column types of the aws_* tables' own columns (not account_id, region, synced_at or raw, which every table
 * has) that hold at least one non-null value, sorted: what a row-for-row comparison of this inventory compares. A
 * test syncing only some services asserts these are every type the inventory uses (schema/table.ts ColumnKind),
 * so the lake's write and read path is still exercised for each.
 */
export async function columnTypesWithValues(db: Database): Promise<string[]> {
  const columns = await db.all<{ table_name: string; column_name: string; data_type: string }>(
    "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() AND table_name LIKE 'aws\\_%' ESCAPE '\\' " +
      "AND table_oid IN (SELECT table_oid FROM duckdb_tables()) AND column_name NOT IN ('account_id', 'region', 'synced_at', 'raw') ORDER BY table_name, column_index",
  );
  const byTable = new Map<string, Array<{ column_name: string; data_type: string }>>();
  for (const c of columns) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c]);
  const types = new Set<string>();
  for (const [table, cols] of byTable) {
    const [row] = await db.all<Record<string, number>>(`SELECT ${cols.map((c, i) => `count("${c.column_name.replace(/"/g, '""')}")::INTEGER AS c${i}`).join(', ')} FROM "${table}"`);
    cols.forEach((c, i) => row![`c${i}`]! > 0 && types.add(c.data_type));
  }
  return [...types].sort();
}
