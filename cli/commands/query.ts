import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { QueryResult } from '../../console/index.js';
import { sizeBytes } from '../../console/size.js';
import { backendOf } from '../backend.js';
import { UsageError } from '../errors.js';
import type { RegisterCommand } from './register.js';

interface QueryFlags {
  format: string;
  timeout: string;
  maxRows: string;
  maxBytes: string;
  memory: string;
}

/**
 * `calabi query "SQL"`: the same console as the API, with the same limits: the statement runs in a worker process
 * that opens the database file read-only and sandboxed, is stopped at the time limit, killed past the memory cap,
 * and returns at most the row and byte caps. "-" reads the SQL from standard input.
 */
export const register: RegisterCommand = (program, setExit) => {
  program
    .command('query')
    .description('run one read-only SQL statement against the inventory and print the rows')
    .argument('<sql>', 'the statement, or - to read it from standard input')
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--timeout <seconds>', 'stop the query after this long', '10')
    .option('--max-rows <n>', 'print at most this many rows', '10000')
    .option('--max-bytes <size>', 'print at most this much row data (JSON size), e.g. 16MB', '16MB')
    .option('--memory <size>', 'DuckDB memory limit of the query; its process is killed 512 MB above it', '2GB')
    .action(async (sqlArg: string, flags: QueryFlags, cmd: Command) => {
      if (!['table', 'json', 'csv'].includes(flags.format)) throw new UsageError(`--format must be table, json or csv, not '${flags.format}'`);
      const timeout = Number(flags.timeout);
      if (!(timeout > 0)) throw new UsageError(`--timeout must be a positive number of seconds, not '${flags.timeout}'`);
      const maxRows = Number(flags.maxRows);
      if (!Number.isInteger(maxRows) || maxRows < 1) throw new UsageError(`--max-rows must be a positive whole number, not '${flags.maxRows}'`);
      const maxBytes = sizeFlag('--max-bytes', flags.maxBytes);
      sizeFlag('--memory', flags.memory);
      const sql = sqlArg === '-' ? readFileSync(0, 'utf8') : sqlArg;
      // Opened and closed here first so a missing or locked file gets the usual message (exit 2). Beside a running
      // server, the console reads a fresh copy the server wrote (docs/cli-beside-serve.md).
      const path = await (await backendOf(cmd)).readablePath();
      const { Database } = await import('../../schema/db.js');
      const { createFileConsole, createSqlConsole, ConsoleError, stopWorkers } = await import('../../console/index.js');
      const limits = { timeoutMs: timeout * 1000, maxRows, maxBytes, memoryLimit: flags.memory };
      const opened = await Database.open(path, { readOnly: true });
      // A lake has no file a sandboxed worker could open: the query reads a read-only copy, as serve's console does.
      const lake = opened.lake ? opened : undefined;
      if (!lake) opened.close();
      const sqlConsole = lake ? createSqlConsole(lake, { ...limits, concurrency: 1 }) : createFileConsole(path, limits);
      try {
        const result = await sqlConsole.run(sql).catch((error: unknown) => {
          if (error instanceof ConsoleError) throw new UsageError(`query refused or failed: ${error.message}`);
          throw error;
        });
        process.stdout.write(await format(result, flags.format));
        if (result.truncated && flags.format !== 'table') {
          const cap = result.truncated_by === 'bytes' ? `${flags.maxBytes} of data; raise --max-bytes` : 'rows; raise --max-rows';
          process.stderr.write(`calabi: showing the first ${result.row_count} rows (the limit is ${cap} or narrow the query)\n`);
        }
        setExit(0);
      } finally {
        sqlConsole.close();
        await stopWorkers();
        lake?.close();
      }
    });
};

function sizeFlag(name: string, value: string): number {
  try {
    return sizeBytes(value);
  } catch {
    throw new UsageError(`${name} must be a size such as 512MB or 2GB, not '${value}'`);
  }
}

/** The answer as the user asked for it; the CSV writer is loaded only for CSV (not for `calabi query --help`). */
export async function format(result: QueryResult, kind: string): Promise<string> {
  if (kind === 'json') {
    const names = result.columns.map((c) => c.name);
    return `${JSON.stringify(result.rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]]))), null, 2)}\n`;
  }
  // LF line ends: standard output feeds other Unix tools; a file download (the page) gets CRLF.
  if (kind === 'csv') return (await import('../../lib/csv/write.js')).csvText([result.columns.map((c) => c.name), ...result.rows], { lineEnd: '\n' });
  return table(result);
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function table(result: QueryResult): string {
  const cap = 60;
  const cells = result.rows.map((r) => r.map((v) => text(v).replace(/\s+/g, ' ')));
  const widths = result.columns.map((c, i) => Math.min(cap, Math.max(c.name.length, ...cells.map((r) => r[i]!.length))));
  const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (r: string[]) => r.map((s, i) => fit(s, widths[i]!)).join('  ').trimEnd();
  const out = [line(result.columns.map((c) => c.name)), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)];
  out.push(`(${result.row_count} row${result.row_count === 1 ? '' : 's'}${result.truncated ? `, truncated at the ${result.truncated_by === 'bytes' ? 'byte' : 'row'} cap` : ''}, ${result.elapsed_ms} ms)`);
  return `${out.join('\n')}\n`;
}
