import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../lib/package-root.js';
import type { Database } from '../../schema/db.js';
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

const asOfNow = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?/g;

/**
 * The inventory as comparable text: every aws_* table's rows (without synced_at, the one column that differs
 * between two syncs of the same estate) sorted, and sync_scopes without its times and run ids. In `raw` (the API's
 * response as read) timestamps are masked: some answers are "as of now" and differ between two syncs of one estate
 * (a trail's LatestDeliveryTime, an EFS file system's SizeInBytes.Timestamp); the typed columns are compared whole.
 */
export async function inventorySnapshot(db: Database): Promise<Record<string, string[]>> {
  const tables = await db.all<{ table_name: string }>(
    "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND (table_name LIKE 'aws\\_%' ESCAPE '\\') ORDER BY table_name",
  );
  const out: Record<string, string[]> = {};
  for (const { table_name } of tables) {
    // moto answers Athena's built-in "primary" workgroup with the time of the call as its CreationTime (AWS gives
    // the account's first use): masked here, as two syncs of one estate would otherwise differ.
    const mask = table_name === 'aws_athena_workgroups' ? " REPLACE (CASE WHEN name = 'primary' THEN NULL ELSE creation_time END AS creation_time)" : '';
    const rows = await db.all(`SELECT * EXCLUDE (synced_at)${mask} FROM "${table_name}"`);
    out[table_name] = rows.map((r) => JSON.stringify({ ...r, ...(typeof r.raw === 'string' ? { raw: r.raw.replace(asOfNow, '<time>') } : {}) })).sort();
  }
  out.sync_scopes = (await db.all('SELECT * EXCLUDE (synced_at, attempted_at, run_id) FROM sync_scopes')).map((r) => JSON.stringify(r)).sort();
  return out;
}

/** The tables whose rows differ between two snapshots (empty: the same inventory, row for row). */
export function differingTables(a: Record<string, string[]>, b: Record<string, string[]>): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.filter((t) => JSON.stringify(a[t]) !== JSON.stringify(b[t]));
}
