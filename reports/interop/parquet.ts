import { existsSync, readdirSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../../schema/db.js';
import type { Scan } from '../../schema/scans.js';

/**
 * A scan and the inventory as Parquet, Hive-partitioned by account and region, for DuckDB, Spark, Athena or any
 * lake: written by DuckDB's own `COPY … (FORMAT parquet, PARTITION_BY (account_id, region))`.
 *
 *   <dir>/findings/account_id=<id>/region=<r>/data_0.parquet      the scan's findings (every status)
 *   <dir>/control_results/control_results.parquet                 the scan's requirements and their status
 *   <dir>/inventory/<aws table>/account_id=<id>/region=<r>/…      every non-empty inventory table, as synced now
 *   <dir>/calabi-export.json                                      what was written: scan, tables, row counts
 *
 * The partition columns are also kept inside the files (WRITE_PARTITION_COLUMNS): account ids are text with
 * leading zeros, and a reader that infers partition types from the path (DuckDB, Spark) would make them numbers;
 * the column in the file keeps the type. Each finding carries `finding_uid`, the same stable id as the ASFF and
 * OCSF exports. The directory is written under a temporary name beside the target and renamed when complete.
 */
export interface ParquetExportResult {
  dir: string;
  findings: number;
  tables: Record<string, number>;
}

/** The ASFF/OCSF finding id (reports/interop/asff.ts asffId) computed in SQL. */
export const findingUidSql = `'calabi/' || f.account_id || '/' || coalesce(f.region, 'global') || '/' || f.check_id || '/' || sha256(coalesce(f.resource_id, ''))[1:32]`;

const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class ParquetTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParquetTargetError';
  }
}

/** Refuses a target that exists and is not an empty directory, before any work. */
export function assertParquetTarget(dir: string): void {
  const target = resolve(dir);
  if (!existsSync(dirname(target))) throw new ParquetTargetError(`the folder ${dirname(target)} does not exist: create it or choose another --output`);
  if (existsSync(target) && readdirSync(target).length > 0) throw new ParquetTargetError(`${target} exists and is not empty: Parquet exports write a directory; choose a new --output`);
}

export async function writeParquet(db: Database, scan: Scan, dir: string): Promise<ParquetExportResult> {
  assertParquetTarget(dir);
  const external = await db.one<{ on: boolean }>("SELECT current_setting('enable_external_access') AS on");
  if (!external?.on) throw new Error('[reports] Parquet export needs DuckDB external access, which this database connection has turned off (it evaluated custom checks): run `calabi export` in its own process');
  const target = resolve(dir);
  const tmp = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  // COPY runs on a connection of its own: a failed write here is about the export's folder, not the database
  // (Database.run would report it as one).
  const conn = await db.connect();
  try {
    const findings = await copyFindings(db, conn, scan, tmp);
    // COPY to a single file needs its folder to exist.
    mkdirSync(join(tmp, 'control_results'));
    await conn.run(`COPY (SELECT * FROM control_results WHERE scan_id = ${lit(scan.id)} ORDER BY position) TO ${lit(join(tmp, 'control_results', 'control_results.parquet'))} (FORMAT parquet)`);
    const tables = await copyInventory(db, conn, tmp);
    writeFileSync(
      join(tmp, 'calabi-export.json'),
      `${JSON.stringify({ format: 'parquet', partitioned_by: ['account_id', 'region'], scan: { id: scan.id, benchmark_id: scan.benchmark_id, started_at: scan.started_at }, findings, tables }, null, 2)}\n`,
    );
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(tmp, target);
    return { dir: target, findings, tables };
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`[reports] Parquet export of scan ${scan.id} to ${target} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    conn.closeSync();
  }
}

async function copyFindings(db: Database, conn: DuckDBConnection, scan: Scan, dir: string): Promise<number> {
  const n = Number((await db.one<{ n: number }>('SELECT count(*) AS n FROM findings WHERE scan_id = ?', [scan.id]))?.n ?? 0);
  if (n === 0) return 0;
  await conn.run(
    `COPY (
       SELECT f.account_id, coalesce(f.region, 'global') AS region, ${findingUidSql} AS finding_uid, f.scan_id,
              ${lit(scan.benchmark_id)} AS benchmark_id, f.control_id, c.title AS control_title, c.status AS control_status,
              c.severity, f.check_id, f.resource_id, f.reason, f.evidence
       FROM findings f JOIN control_results c ON c.scan_id = f.scan_id AND c.control_id = f.control_id
       WHERE f.scan_id = ${lit(scan.id)}
       ORDER BY f.account_id, f.region, c.position, f.check_id, f.resource_id
     ) TO ${lit(join(dir, 'findings'))} (FORMAT parquet, PARTITION_BY (account_id, region), WRITE_PARTITION_COLUMNS true)`,
  );
  return n;
}

/** Every inventory table with rows and an account_id and region column, partitioned like the findings. */
async function copyInventory(db: Database, conn: DuckDBConnection, dir: string): Promise<Record<string, number>> {
  const tables = await db.all<{ table_name: string }>(
    `SELECT t.table_name FROM duckdb_tables() t
     WHERE t.database_name = current_database() AND t.schema_name = 'main' AND t.table_name LIKE 'aws\\_%' ESCAPE '\\'
       AND (SELECT count(*) FROM duckdb_columns() c WHERE c.database_name = t.database_name AND c.table_name = t.table_name AND c.column_name IN ('account_id', 'region')) = 2
     ORDER BY t.table_name`,
  );
  const out: Record<string, number> = {};
  mkdirSync(join(dir, 'inventory'));
  for (const { table_name: name } of tables) {
    const n = Number((await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${ident(name)}`))?.n ?? 0);
    if (n === 0) continue;
    await conn.run(
      `COPY (SELECT * FROM ${ident(name)} ORDER BY account_id, region)
       TO ${lit(join(dir, 'inventory', name))} (FORMAT parquet, PARTITION_BY (account_id, region), WRITE_PARTITION_COLUMNS true)`,
    );
    out[name] = n;
  }
  return out;
}
