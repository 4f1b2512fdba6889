import type { Command } from 'commander';
import type { Database, OpenOptions } from '../schema/db.js';
import { NewerDatabaseError } from '../schema/newer.js';
import { UsageError } from './errors.js';
import { storePath } from './store-option.js';

const defaultDbPath = () => './calabi.duckdb';

export interface GlobalOptions {
  db?: string;
  jsonLogs?: boolean;
}

export function globalOptions(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

/**
 * The database file: --db, else CALABI_DB, else ./calabi.duckdb. An empty value is refused: DuckDB would open an
 * in-memory database, so a CI job with an unset variable would sync and evaluate nothing persistent and exit 0.
 */
export function dbPathOf(cmd: Command, fallback = defaultDbPath): string {
  const flag = globalOptions(cmd).db;
  if (flag !== undefined) return checkedDbPath(flag, '--db');
  const store = storePath(); // a lake (--store / CALABI_STORE: cli/store-option.ts)
  if (store !== undefined) return store;
  if (process.env.CALABI_DB !== undefined) return checkedDbPath(process.env.CALABI_DB, 'CALABI_DB');
  return fallback();
}

/** --db as given (checked), for commands whose default is not CALABI_DB (demo). */
export function dbFlagOf(cmd: Command): string | undefined {
  const flag = globalOptions(cmd).db;
  return flag === undefined ? undefined : checkedDbPath(flag, '--db');
}

function checkedDbPath(value: string, source: string): string {
  if (value.trim() === '') {
    throw new UsageError(`${source} is empty, which would mean a throw-away in-memory database: give a file path (e.g. ${source === '--db' ? '--db ./calabi.duckdb' : 'CALABI_DB=./calabi.duckdb'}) or unset it to use ./calabi.duckdb`);
  }
  return value;
}

export interface CliOpenOptions extends OpenOptions {
  /**
   * The command only reads: a file written by a newer Calabi is then opened read-only (with a note) instead of
   * refused. Write commands (sync, evaluate, serve, schedule…) leave this off and get NewerDatabaseError.
   */
  readsOnly?: boolean;
}

/**
 * Opens the database for a command. For writing, it first closes the scans and sync runs a killed process left
 * `running` (interrupted), so no command starts on top of half-done rows.
 */
export async function openDb(cmd: Command, options: CliOpenOptions = {}): Promise<Database> {
  const path = dbPathOf(cmd);
  const { readsOnly, ...open } = options;
  // DuckDB loads here, when a command opens the database, not when the CLI starts (`--help` never opens one).
  const { Database } = await import('../schema/db.js');
  let db: Database;
  try {
    db = await Database.open(path, open);
  } catch (error) {
    if (!(readsOnly && error instanceof NewerDatabaseError)) throw error;
    process.stderr.write(`calabi: note: ${error.message.replace(/^\[db\] /, '').split('. ')[0]}; opened read-only.\n`);
    return Database.open(path, { ...open, readOnly: true });
  }
  if (!db.readOnly) {
    try {
      // Loaded here, not at the top: every command's --help imports this file (test/cli/command-loading.test.ts).
      const { closeInterruptedRuns } = await import('../controls/interrupted.js');
      await closeInterruptedRuns(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }
  return db;
}

/** Splits "a,b, c" into ['a','b','c']. */
export function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}
