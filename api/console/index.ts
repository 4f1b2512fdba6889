import type { DuckDBConnection } from '@duckdb/node-api';
import pLimit from 'p-limit';
import { normaliseValue, type Database } from '../../schema/db.js';
import { ConsoleError, prepareReadOnly, sqlError } from './guard.js';
import { applySandbox, defaultMemoryLimit } from './sandbox.js';

export { ConsoleError } from './guard.js';
export { applySandbox, sandboxConfig } from './sandbox.js';

export interface ConsoleOptions {
  /** Stop a query after this long (default 10 s). */
  timeoutMs?: number;
  /** Rows returned at most; more sets `truncated` (default 10,000). */
  maxRows?: number;
  /** DuckDB memory_limit for the instance (default 2GB). */
  memoryLimit?: string;
  /** Queries running at once (default 2). */
  concurrency?: number;
  /** Queries waiting for a turn (default 64); beyond that a query is refused as busy (HTTP 429). */
  queue?: number;
}

export interface QueryResult {
  columns: Array<{ name: string; type: string }>;
  rows: unknown[][];
  row_count: number;
  truncated: boolean;
  elapsed_ms: number;
}

export interface SqlConsole {
  readonly limits: Readonly<Required<ConsoleOptions>>;
  /** Resolves once the instance is sandboxed; rejects with the reason when it cannot be. */
  ready(): Promise<void>;
  run(sql: string): Promise<QueryResult>;
}

/**
 * The ad-hoc SQL console shared by the API and `calabi query`. Each query gets its own connection and a
 * read-only transaction on a sandboxed instance (see sandbox.ts), one statement that passes the guard, a timer
 * that interrupts it, and a row cap. The sandbox is applied before the first query runs.
 */
export function createSqlConsole(db: Database, options: ConsoleOptions = {}): SqlConsole {
  const limits = Object.freeze({
    timeoutMs: options.timeoutMs ?? 10_000,
    maxRows: options.maxRows ?? 10_000,
    memoryLimit: options.memoryLimit ?? defaultMemoryLimit,
    concurrency: options.concurrency ?? 2,
    queue: options.queue ?? 64,
  });
  // A single value can outgrow DuckDB's memory_limit and outrun the interrupt (repeat('x', 1e9) is allocated in
  // one go), so the console also bounds how many queries run at once: the server's memory stays bounded too.
  const slots = pLimit(limits.concurrency);
  // Applied at once, not at the first query, so the instance is sandboxed before anyone can reach it.
  let failure: ConsoleError | undefined;
  const ready = applySandbox(db, limits.memoryLimit).catch((cause: unknown) => {
    failure = new ConsoleError(`the SQL console is unavailable: ${(cause as Error).message}`, 'sandbox');
  });
  const sandboxed = async () => {
    await ready;
    if (failure) throw failure;
  };

  return {
    limits,
    ready: sandboxed,
    async run(sql) {
      await sandboxed();
      if (slots.activeCount >= limits.concurrency && slots.pendingCount >= limits.queue) {
        throw new ConsoleError(`the SQL console is busy (${slots.activeCount} queries running, ${slots.pendingCount} waiting); try again shortly`, 'busy');
      }
      return slots(() => runOne(sql));
    },
  };

  async function runOne(sql: string): Promise<QueryResult> {
    const started = performance.now();
    const conn = await db.connect();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      conn.interrupt();
    }, limits.timeoutMs);
    try {
      await conn.run('BEGIN TRANSACTION READ ONLY');
      const prepared = await prepareReadOnly(conn, sql);
      try {
        const reader = await prepared.streamAndReadUntil(limits.maxRows + 1);
        const total = reader.currentRowCount;
        const rows = reader.getRowsJS().slice(0, limits.maxRows).map((row) => row.map(normaliseValue));
        const columns = reader.columnNames().map((name, i) => ({ name, type: String(reader.columnType(i)) }));
        return { columns, rows, row_count: rows.length, truncated: total > limits.maxRows, elapsed_ms: round(performance.now() - started) };
      } finally {
        prepared.destroySync();
      }
    } catch (error) {
      if (timedOut) throw new ConsoleError(`the query ran longer than ${limits.timeoutMs / 1000} s and was stopped; narrow it down (a WHERE, a LIMIT) or ask for a longer limit`, 'timeout');
      throw error instanceof ConsoleError ? error : sqlError(error);
    } finally {
      clearTimeout(timer);
      rollbackAndClose(conn);
    }
  }
}

function rollbackAndClose(conn: DuckDBConnection): void {
  // The transaction is read-only, so ROLLBACK only ends it; closing the connection ends it too if ROLLBACK fails.
  conn.run('ROLLBACK').catch(() => undefined).finally(() => conn.closeSync());
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
