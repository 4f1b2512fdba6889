import type { Database } from '../schema/db.js';
import { ConsoleError } from './guard.js';
import { WorkerPool } from './pool.js';
import { applySandbox, defaultMemoryLimit } from './sandbox.js';
import { sizeBytes } from './size.js';
import { snapshotRoot, Snapshots } from './snapshot.js';

export { ConsoleError } from './guard.js';
export { sizeBytes } from './size.js';
export { stopWorkers } from './pool.js';
export { applySandbox, sandboxConfig, workerSandboxConfig } from './sandbox.js';

export interface ConsoleOptions {
  /** Stop a query after this long (default 10 s); its worker is killed 1 s later if DuckDB has not stopped it. */
  timeoutMs?: number;
  /** Rows returned at most; more sets `truncated` (default 10,000). */
  maxRows?: number;
  /** JSON bytes of rows returned at most; more sets `truncated` (default 16 MiB). */
  maxBytes?: number;
  /** DuckDB memory_limit of a query's worker (default 2GB). */
  memoryLimit?: string;
  /** Resident memory at which a worker is killed (default: memoryLimit + 512 MiB). */
  hardMemoryBytes?: number;
  /** Queries running at once, each in its own worker process (default 2). */
  concurrency?: number;
  /** Queries waiting for a turn (default 64); beyond that a query is refused as busy (HTTP 429). */
  queue?: number;
}

export interface QueryResult {
  columns: Array<{ name: string; type: string }>;
  rows: unknown[][];
  row_count: number;
  truncated: boolean;
  /** Which cap cut the result short, when `truncated`. */
  truncated_by?: 'rows' | 'bytes';
  elapsed_ms: number;
}

export interface SqlConsole {
  readonly limits: Readonly<Required<ConsoleOptions>>;
  /** Resolves once the instance is sandboxed; rejects with the reason when it cannot be. */
  ready(): Promise<void>;
  run(sql: string): Promise<QueryResult>;
  /** The same answer as JSON text, assembled from the worker's text without parsing the rows (for the API). */
  runJson(sql: string): Promise<string>;
  /** Starts a worker (and, for the server, the first copy) ahead of the first query. */
  warm(): void;
  /** Marks the data as changed, so the next query reads a fresh copy. */
  invalidate(): void;
  /** Kills the workers and removes the copies. */
  close(): void;
}

function resolveLimits(options: ConsoleOptions): Readonly<Required<ConsoleOptions>> {
  const memoryLimit = options.memoryLimit ?? defaultMemoryLimit;
  return Object.freeze({
    timeoutMs: options.timeoutMs ?? 10_000,
    maxRows: options.maxRows ?? 10_000,
    maxBytes: options.maxBytes ?? 16 * 2 ** 20,
    memoryLimit,
    hardMemoryBytes: options.hardMemoryBytes ?? sizeBytes(memoryLimit) + 512 * 2 ** 20,
    concurrency: options.concurrency ?? 2,
    queue: options.queue ?? 64,
  });
}

/**
 * The ad-hoc SQL console of the API. Queries never run in the server's process: each goes to a worker process
 * (pool.ts) that opens a read-only copy of the database (snapshot.ts) fully sandboxed, runs one statement that
 * passes the guard, and streams rows back up to the row and byte caps; the server kills a worker that outlives
 * the time limit or outgrows the memory cap. The server's own database is sandboxed too before anyone can reach it.
 */
export function createSqlConsole(db: Database, options: ConsoleOptions = {}): SqlConsole {
  const limits = resolveLimits(options);
  const snapshots = new Snapshots(db);
  const sandboxing = applySandbox(db, limits.memoryLimit, snapshotRoot());
  return pooledConsole(limits, () => snapshots.path(), sandboxing, {
    warm: () => void sandboxing.then(() => snapshots.path()).catch(() => undefined), // a failure shows on the first query
    invalidate: () => snapshots.markStale(),
    close: () => snapshots.close(),
  });
}

/** `calabi query`: the same workers and limits, reading the database file itself (nothing else holds it). */
export function createFileConsole(path: string, options: ConsoleOptions = {}): SqlConsole {
  return pooledConsole(resolveLimits({ concurrency: 1, ...options }), async () => path, Promise.resolve(), { warm: () => undefined, invalidate: () => undefined, close: () => undefined });
}

function pooledConsole(
  limits: Readonly<Required<ConsoleOptions>>,
  source: () => Promise<string>,
  sandboxing: Promise<void>,
  hooks: { warm(): void; invalidate(): void; close(): void },
): SqlConsole {
  const pool = new WorkerPool({ timeoutMs: limits.timeoutMs, graceMs: 1000, hardMemoryBytes: limits.hardMemoryBytes, concurrency: limits.concurrency, queue: limits.queue });
  let failure: ConsoleError | undefined;
  async function runRaw(sql: string): Promise<{ meta: Omit<QueryResult, 'rows'>; rowsJson: string[] }> {
    await sandboxed();
    const started = performance.now();
    const path = () =>
      source().catch((cause: unknown) => {
        throw new ConsoleError(`the SQL console is unavailable: ${(cause as Error).message}`, 'sandbox');
      });
    const r = await pool.run({ sql, memoryLimit: limits.memoryLimit, maxRows: limits.maxRows, maxBytes: limits.maxBytes }, path);
    return {
      rowsJson: r.rowsJson,
      meta: {
        columns: r.columns,
        row_count: r.rowCount,
        truncated: r.truncatedBy !== null,
        ...(r.truncatedBy ? { truncated_by: r.truncatedBy } : {}),
        elapsed_ms: Math.round((performance.now() - started) * 10) / 10,
      },
    };
  }
  const ready = sandboxing.catch((cause: unknown) => {
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
      const { meta, rowsJson } = await runRaw(sql);
      return { ...meta, rows: JSON.parse(`[${rowsJson.filter(Boolean).join(',')}]`) as unknown[][] };
    },
    async runJson(sql) {
      const { meta, rowsJson } = await runRaw(sql);
      // Concatenating the batches costs the event loop next to nothing; parsing and re-serialising 16 MB would not.
      const { columns, ...rest } = meta;
      return `{"columns":${JSON.stringify(columns)},"rows":[${rowsJson.filter(Boolean).join(',')}],${JSON.stringify(rest).slice(1)}`;
    },
    warm() {
      pool.warm();
      hooks.warm();
    },
    invalidate: hooks.invalidate,
    close() {
      pool.close();
      hooks.close();
    },
  };
}
