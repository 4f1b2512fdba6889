import type { Database } from '../../schema/db.js';

/**
 * DuckDB settings that make an instance safe for ad-hoc SQL: no file system or network from inside a query, no
 * extension loading, and a frozen configuration. They apply to the whole instance, so the process that serves
 * the console (serve, query) runs its database this way; sync and evaluate only append and read, which these
 * settings allow. `enable_external_access` cannot be switched back on once off, and `lock_configuration` stops
 * every later SET.
 */
export function sandboxConfig(memoryLimit = defaultMemoryLimit): Record<string, string> {
  return {
    enable_external_access: 'false',
    autoload_known_extensions: 'false',
    autoinstall_known_extensions: 'false',
    allow_community_extensions: 'false',
    memory_limit: memoryLimit,
    lock_configuration: 'true',
  };
}

export const defaultMemoryLimit = '2GB';

/**
 * Puts an already-open database into the sandbox (idempotent). A database that is already locked must have
 * external access off, or the console refuses to run on it rather than trust it.
 */
export async function applySandbox(db: Database, memoryLimit = defaultMemoryLimit): Promise<void> {
  const state = await db.one<{ locked: boolean; external: boolean }>(
    "SELECT current_setting('lock_configuration') AS locked, current_setting('enable_external_access') AS external",
  );
  if (state?.locked) {
    if (state.external) {
      throw new Error('[console] the database configuration is locked with external access on; open it with sandboxConfig() so queries cannot reach files or the network');
    }
    return;
  }
  const config = sandboxConfig(memoryLimit);
  for (const [name, value] of Object.entries(config)) {
    if (name === 'lock_configuration') continue;
    await db.run(`SET ${name} = '${value.replace(/'/g, "''")}'`);
  }
  await db.run('SET lock_configuration = true');
}
