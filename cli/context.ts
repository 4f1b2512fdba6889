import type { Command } from 'commander';
import { Database, type OpenOptions } from '../schema/db.js';
import { UsageError } from './errors.js';

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

export function openDb(cmd: Command, options: OpenOptions = {}): Promise<Database> {
  return Database.open(dbPathOf(cmd), options);
}

/** Splits "a,b, c" into ['a','b','c']. */
export function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}
