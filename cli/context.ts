import type { Command } from 'commander';
import { Database, defaultDbPath, type OpenOptions } from '../schema/db.js';

export interface GlobalOptions {
  db?: string;
  jsonLogs?: boolean;
}

export function globalOptions(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

export function dbPathOf(cmd: Command): string {
  return globalOptions(cmd).db ?? defaultDbPath();
}

export function openDb(cmd: Command, options: OpenOptions = {}): Promise<Database> {
  return Database.open(dbPathOf(cmd), options);
}

/** Splits "a,b, c" into ['a','b','c']. */
export function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}
