import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBInstance,
  DuckDBTimestampValue,
  INTEGER,
  LIST,
  listValue,
  TIMESTAMP,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { DatabaseLockedError, DatabaseOpenError } from './db-errors.js';
import { migrate } from './migrations.js';
import { asStorageError, StorageError } from './storage-error.js';
import { canStage, insertStaged } from './staged-insert.js';
import { retryConflicts } from './lake-retry.js';
import { isLakePath, openLakeInstance, redactLake, useLake } from './store.js';
import type { ColumnKind } from './table.js';

import type { Row, SqlParam } from './sql-types.js';
import { normaliseValue } from './values.js';
export type { Row, SqlParam } from './sql-types.js';

/** Raised when another process holds the database file; the CLI turns it into exit 2 with this message. */
export { DatabaseLockedError, DatabaseOpenError } from './db-errors.js';
export interface OpenOptions {
  readOnly?: boolean;
  /** Skip migrations (used by the read-only opener, which must not write). */
  migrate?: boolean;
  /** DuckDB settings applied at open, e.g. { threads: '2' }. */
  config?: Record<string, string>;
  /** A lake's data path (`ducklake:…` paths only); default CALABI_DATA_PATH (schema/store.ts). */
  dataPath?: string;
  /**
   * false: a new database's inventory tables get no descriptions (COMMENT ON; ~0.4 s of the ~0.6 s a new database
   * takes, one statement per column). Only for a database nobody browses and that is closed after one use: the
   * in-memory copy of a Terraform plan (sources/terraform/load.ts). Default true.
   */
  descriptions?: boolean;
}

export function defaultDbPath(): string {
  return process.env.CALABI_DB ?? './calabi.duckdb';
}

/**
 * One DuckDB database file. Reads may run on any connection; writes go through `write()`, which serialises
 * them so concurrent collectors never race on one table's transaction.
 */
export class Database {
  private writeQueue: Promise<unknown> = Promise.resolve();
  /**
   * Directories the store's own files live in, which a sandbox (allowed_directories) must keep allowing: none for a
   * file (DuckDB always reaches its own database file), a lake's data and catalog folders (schema/store.ts).
   */
  storageDirectories: readonly string[] = [];
  private readonly main: DuckDBConnection;

  private constructor(
    readonly path: string,
    readonly instance: DuckDBInstance,
    main: DuckDBConnection,
    readonly readOnly: boolean,
    /** A DuckLake (`ducklake:…`, schema/store.ts) rather than a DuckDB file: no constraints, many writers. */
    readonly lake = false,
  ) {
    this.main = main;
  }

  static async open(path = defaultDbPath(), options: OpenOptions = {}): Promise<Database> {
    // DuckDB reads '' as "in memory": nothing would persist. Tests and tools that mean it say ':memory:'.
    if (path.trim() === '') throw new DatabaseOpenError('an empty path', { cause: new Error('an empty database path would be a throw-away in-memory database; give a file path with --db or CALABI_DB') });
    if (isLakePath(path)) return Database.openLake(path, options);
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, {
        ...(options.readOnly ? { access_mode: 'READ_ONLY' } : {}),
        ...options.config,
      });
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      const lock = /Could not set lock on file.*?(Conflicting lock is held in .*?)(?:\.|$)/s.exec(message);
      if (lock) throw new DatabaseLockedError(path, lock[1]!.replace(/\s+/g, ' ').trim(), { cause });
      const storage = asStorageError(cause, path);
      if (storage instanceof StorageError) throw storage;
      throw new DatabaseOpenError(path, { cause });
    }
    return Database.ready(new Database(path, instance, await instance.connect(), options.readOnly ?? false), options);
  }

  /** A lake: an in-memory DuckDB with the lake attached and made every connection's default (schema/store.ts). */
  private static async openLake(path: string, options: OpenOptions): Promise<Database> {
    const { instance, directories } = await openLakeInstance(path, options);
    const db = new Database(redactLake(path), instance, await useLake(await instance.connect()), options.readOnly ?? false, true);
    db.storageDirectories = directories;
    return Database.ready(db, options);
  }

  private static async ready(db: Database, options: OpenOptions): Promise<Database> {
    const path = db.path;
    if (!db.readOnly && options.migrate !== false) {
      try {
        await migrate(db, { descriptions: options.descriptions !== false });
      } catch (error) {
        db.close(); // release the file lock: the caller may reopen it read-only (a newer file) or give up
        throw asStorageError(error, path);
      }
    }
    return db;
  }

  /** A fresh connection on the same instance (for interruptible or long-running reads). */
  async connect(): Promise<DuckDBConnection> {
    const conn = await this.instance.connect();
    return this.lake ? useLake(conn) : conn;
  }

  async run(sql: string, params: SqlParam[] = []): Promise<void> {
    try {
      await this.main.run(sql, valuesOf(params), paramTypes(params));
    } catch (error) {
      throw asStorageError(error, this.path);
    }
  }

  async all<T = Row>(sql: string, params: SqlParam[] = [], conn: DuckDBConnection = this.main): Promise<T[]> {
    const reader = await conn.runAndReadAll(sql, valuesOf(params), paramTypes(params));
    return reader.getRowObjectsJS().map((r) => normaliseRow(r) as T);
  }

  async one<T = Row>(sql: string, params: SqlParam[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /**
   * Run `fn` inside one transaction on a dedicated connection, after every earlier write has finished.
   * A thrown error rolls back, so a crash mid-way leaves the previous committed state readable.
   */
  write<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const next = this.writeQueue.then(() => (this.lake ? retryConflicts(() => this.writeOnce(fn)) : this.writeOnce(fn)));
    this.writeQueue = next.catch(() => undefined);
    return next;
  }

  /** On a lake a conflicting commit is run again (schema/lake-retry.ts): `fn` must only write through `tx`. */
  private async writeOnce<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const conn = await this.connect();
    await conn.run('BEGIN TRANSACTION');
    try {
      const result = await fn(new Transaction(conn));
      await conn.run('COMMIT');
      return result;
    } catch (error) {
      await conn.run('ROLLBACK').catch(() => undefined); // the original error is what matters
      // A full disk or failed write is named as such, whatever the caller was doing (a sync, an evaluation).
      throw asStorageError(error, this.path);
    } finally {
      conn.closeSync();
    }
  }

  /** Closing checkpoints the write-ahead log into the file, which can fail on a full disk like any write. */
  close(): void {
    try {
      this.main.closeSync();
      this.instance.closeSync();
    } catch (error) {
      throw asStorageError(error, this.path);
    }
  }
}

export class Transaction {
  constructor(readonly conn: DuckDBConnection) {}

  async run(sql: string, params: SqlParam[] = []): Promise<void> {
    await this.conn.run(sql, valuesOf(params), paramTypes(params));
  }

  async all<T = Row>(sql: string, params: SqlParam[] = []): Promise<T[]> {
    const reader = await this.conn.runAndReadAll(sql, valuesOf(params), paramTypes(params));
    return reader.getRowObjectsJS().map((r) => normaliseRow(r) as T);
  }

  /**
   * Bulk insert through DuckDB's appender; `columns` lists the table's columns in order with their kinds, and
   * `defaults` fills a column a row leaves out (so callers need not copy every row to add account_id). Rows go in
   * as data chunks of 2,048 (DuckDB's vector size): one native call per chunk instead of one per value.
   */
  async append(table: string, columns: readonly AppendColumn[], rows: Iterable<Row>, defaults: Row = {}, options: AppendOptions = {}): Promise<number> {
    const via = options.via ?? 'appender';
    const many = Array.isArray(rows) && rows.length >= STAGE_MIN_ROWS;
    if (via === 'staged' || (via === 'auto' && many && (await canStage(this.conn)))) return insertStaged(this.conn, table, columns, rows, defaults, (batch) => this.append(table, columns, batch, defaults, { via: 'appender' }));
    const types = columns.map((c) => duckType[c.type]);
    const appender = await this.conn.createAppender(table);
    let n = 0;
    let batch: Row[] = [];
    const flush = () => {
      const chunk = DuckDBDataChunk.create(types, batch.length);
      chunk.setColumns(
        columns.map((c) => {
          const fallback = defaults[c.name];
          return batch.map((r) => toAppendValue(c.type, r[c.name] ?? fallback));
        }),
      );
      appender.appendDataChunk(chunk);
      n += batch.length;
      batch = [];
    };
    try {
      for (const row of rows) {
        batch.push(row);
        if (batch.length === CHUNK_ROWS) flush();
      }
      if (batch.length) flush();
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return n;
  }
}

export interface AppendOptions {
  /**
   * 'appender' (default): DuckDB's appender, data chunks of 2,048 rows. 'staged': staged JSON files read by
   * DuckDB (staged-insert.ts). 'auto': staged for a batch of at least STAGE_MIN_ROWS rows when DuckDB may read
   * the scratch directory, else the appender. bench:sync measures both: staged is faster into an in-memory
   * database but not into a file (README, Sync benchmark), so the appender stays the default.
   */
  via?: 'auto' | 'appender' | 'staged';
}

/** Below this many rows the appender is as fast: a staged file costs a write and a read_json bind. */
export const STAGE_MIN_ROWS = 5_000;

export interface AppendColumn {
  name: string;
  type: ColumnKind;
}

const CHUNK_ROWS = 2048;

/** JSON columns are appended as text (DuckDB's JSON is VARCHAR underneath); lists carry their item type so [] works. */
const duckType: Record<ColumnKind, DuckDBType> = {
  VARCHAR,
  JSON: VARCHAR,
  BOOLEAN,
  BIGINT,
  INTEGER,
  DOUBLE,
  TIMESTAMP,
  'VARCHAR[]': LIST(VARCHAR),
};

let lastTimestamp: { ms: number; value: DuckDBTimestampValue | null } = { ms: Number.NaN, value: null };

function toAppendValue(kind: ColumnKind, value: unknown): DuckDBValue {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'VARCHAR':
    case 'JSON':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'BOOLEAN':
      return Boolean(value);
    case 'BIGINT':
      return BigInt(Math.trunc(Number(value)));
    case 'INTEGER':
      return Math.trunc(Number(value));
    case 'DOUBLE':
      return Number(value);
    case 'TIMESTAMP': {
      const d = value instanceof Date ? value : new Date(String(value));
      const ms = d.getTime();
      if (Number.isNaN(ms)) return null;
      // Most rows of a scope share one synced_at: reuse its converted value instead of a BigInt per row.
      if (ms !== lastTimestamp.ms) lastTimestamp = { ms, value: new DuckDBTimestampValue(BigInt(ms) * 1000n) };
      return lastTimestamp.value;
    }
    case 'VARCHAR[]':
      return listValue((value as unknown[]).map((v) => String(v)));
  }
}

function toDuckValue(value: SqlParam): DuckDBValue {
  if (isList(value)) return listValue(value.map(String));
  if (value instanceof Date) return new DuckDBTimestampValue(BigInt(value.getTime()) * 1000n);
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) return BigInt(value);
  return value;
}

export { normaliseValue } from './values.js';

/**
 * The values for DuckDB, only when there are some. Given values (even none), the Node client splits
 * the text into statements and prepares and runs each with two native round trips; without, DuckDB runs the whole
 * text in one call: a new database's 2,400 statements (tables, comments) took 0.9 s one way and 0.4 s the other.
 */
function valuesOf(params: readonly SqlParam[]): DuckDBValue[] | undefined {
  return params.length ? params.map(toDuckValue) : undefined;
}

/**
 * DuckDB cannot tell a list parameter's item type from its values (an empty list has none), so list parameters
 * (always VARCHAR[] in our tables) are typed; the rest are inferred (undefined).
 */
function paramTypes(params: readonly SqlParam[]): DuckDBType[] | undefined {
  if (!params.some(isList)) return undefined;
  return params.map((p) => (isList(p) ? LIST(VARCHAR) : undefined)) as DuckDBType[];
}

const isList = (p: SqlParam): p is readonly string[] => Array.isArray(p);


function normaliseRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = normaliseValue(v);
  return out;
}
