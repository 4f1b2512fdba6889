import type { Command } from 'commander';
import { UsageError } from './errors.js';

/**
 * The global --store and --data-path flags (docs/ducklake.md). They are the command line's spelling of
 * CALABI_STORE and CALABI_DATA_PATH: the CLI copies them into the environment before a command runs, so every
 * path that opens the database (serve, the scheduler, the console's workers, child processes) sees the same store.
 */
export function addStoreOptions(program: Command): Command {
  return program
    .option('--store <store>', 'ducklake:CATALOG — a DuckLake instead of the DuckDB file; CATALOG is a DuckDB file or postgres:"dbname=… host=…" (default: $CALABI_STORE)')
    .option('--data-path <path>', "the lake's data files: a directory or s3:// URL every worker reaches (default: $CALABI_DATA_PATH)")
    .hook('preAction', (_program, action) => applyStoreOptions(action.optsWithGlobals()));
}

export function applyStoreOptions(opts: { db?: string; store?: string; dataPath?: string }): void {
  if (opts.store !== undefined) {
    if (opts.db !== undefined) throw new UsageError('give either --db FILE (a DuckDB file) or --store ducklake:CATALOG (a lake), not both');
    process.env.CALABI_STORE = opts.store;
  }
  if (opts.dataPath !== undefined) process.env.CALABI_DATA_PATH = opts.dataPath;
}

/** CALABI_STORE as a database path (`ducklake:…`), or undefined for the DuckDB file. */
export function storePath(): string | undefined {
  const store = process.env.CALABI_STORE?.trim();
  if (!store) return undefined;
  if (!store.startsWith('ducklake:') || store === 'ducklake:') {
    throw new UsageError(`CALABI_STORE/--store is "${store}": give ducklake:CATALOG (e.g. ducklake:./calabi.ducklake or ducklake:postgres:"dbname=calabi host=db"), or unset it to use the DuckDB file`);
  }
  return store;
}
