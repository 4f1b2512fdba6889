import type { Database } from '../schema/db.js';
import { scratchAllowance } from '../schema/scratch-dir.js';

/**
 * Custom checks are an analyst's SQL: besides passing the statement guard (one read-only SELECT, no stateful
 * function), they must not reach files or the network from inside that SELECT (read_csv('/etc/passwd'),
 * read_text, httpfs…). DuckDB's enable_external_access=false does that for the whole instance and cannot be
 * switched back on, so it is applied only when an evaluation runs custom checks (the last thing evaluate, scan
 * and run do; serve's instance is sandboxed from the start). The database file itself stays writable.
 */
export async function closeExternalAccess(db: Database): Promise<void> {
  const state = await db.one<{ external: boolean; locked: boolean }>(
    "SELECT current_setting('enable_external_access') AS external, current_setting('lock_configuration') AS locked",
  );
  if (!state?.external) return;
  if (state.locked) {
    throw new Error('[controls] custom checks need external access off, but the database configuration is locked with it on; open the database without lock_configuration, or with enable_external_access=false');
  }
  // The console's copies are written under the scratch directory; allow it now, as DuckDB accepts it only while
  // external access is on (the console's sandbox does the same when it comes first).
  // A lake's Parquet files must stay readable too (db.storageDirectories; none for a DuckDB file).
  const dirs = [scratchAllowance(), ...db.storageDirectories].map((d) => `'${d.replace(/'/g, "''")}'`);
  await db.run(`SET allowed_directories = [${dirs.join(', ')}]`);
  await db.run('SET enable_external_access = false');
}
