import type { Database } from '../schema/db.js';

/**
 * DuckDB settings for an instance that serves the console or runs next to it: no extension loading and a memory
 * limit. They are safe to give at open; external access and the configuration lock follow in applySandbox(),
 * because DuckDB accepts the one directory the console's snapshots are written to (allowed_directories) only
 * before external access is switched off.
 */
export function sandboxConfig(memoryLimit = defaultMemoryLimit): Record<string, string> {
  return {
    autoload_known_extensions: 'false',
    autoinstall_known_extensions: 'false',
    allow_community_extensions: 'false',
    memory_limit: memoryLimit,
  };
}

/**
 * The full sandbox for the console's worker process, which only reads its database file: no file system or
 * network from inside a query, no extensions, a frozen configuration. `enable_external_access` cannot be
 * switched back on once off, and `lock_configuration` stops every later SET.
 */
export function workerSandboxConfig(memoryLimit = defaultMemoryLimit): Record<string, string> {
  return { ...sandboxConfig(memoryLimit), enable_external_access: 'false', lock_configuration: 'true' };
}

export const defaultMemoryLimit = '2GB';

/**
 * Puts the server's own database into the sandbox (idempotent): external access off except for `snapshotDir`,
 * where the console's read-only copies are written, and the configuration locked. A database that is already
 * locked must have external access off, or the console refuses to run on it rather than trust it.
 */
export async function applySandbox(db: Database, memoryLimit = defaultMemoryLimit, snapshotDir?: string): Promise<void> {
  const state = await db.one<{ locked: boolean; external: boolean }>(
    "SELECT current_setting('lock_configuration') AS locked, current_setting('enable_external_access') AS external",
  );
  if (state?.locked) {
    if (state.external) {
      throw new Error('[console] the database configuration is locked with external access on; open it with sandboxConfig() so queries cannot reach files or the network');
    }
    return;
  }
  const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;
  if (snapshotDir || db.storageDirectories.length) {
    // The snapshot directory, and a lake's own folders (db.storageDirectories), whose Parquet files stay readable.
    const dirs = [...(snapshotDir ? [snapshotDir.endsWith('/') ? snapshotDir : `${snapshotDir}/`] : []), ...db.storageDirectories];
    // The engine may have allowed them already when it closed external access for custom checks (same directories).
    const allowed = await db.one<{ dirs: string[] | null }>("SELECT current_setting('allowed_directories') AS dirs");
    if (!dirs.every((d) => (allowed?.dirs ?? []).includes(d))) await db.run(`SET allowed_directories = [${dirs.map(quote).join(', ')}]`);
  }
  for (const [name, value] of Object.entries(sandboxConfig(memoryLimit))) await db.run(`SET ${name} = ${quote(value)}`);
  await db.run('SET enable_external_access = false');
  await db.run('SET lock_configuration = true');
}
