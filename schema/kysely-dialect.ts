import {
  PostgresAdapter,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { Row, SqlParam } from './sql-types.js';

/**
 * Kysely's query compiler over the existing database layer. No maintained Kysely dialect exists for
 * @duckdb/node-api (the community ones target the old `duckdb` package or DuckDB WASM), and our Database already
 * owns what a driver would: the serialised write queue, transactions, parameter binding (timestamps, lists) and
 * the JS values rows come back as. So Kysely only builds and compiles the SQL — DuckDB speaks Postgres's dialect
 * closely enough ($1 placeholders, double-quoted identifiers, ON CONFLICT, RETURNING) — and every query runs
 * through the `all()` of whatever it was built on: a Database, a read pool, or an open Transaction.
 */

/** What a compiled query runs on: schema/db.ts's Database and Transaction, api/read-pool.ts's ReadPool. */
export interface SqlExecutor {
  all<T = Row>(sql: string, params?: SqlParam[]): Promise<T[]>;
}

export class DuckDbDialect implements Dialect {
  constructor(private readonly executor: SqlExecutor) {}

  createAdapter() {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new ExecutorDriver(this.executor);
  }

  createIntrospector(): DatabaseIntrospector {
    // The typed model (own-tables.ts) is the description of our tables; the test compares it with duckdb_columns().
    const unsupported = () => Promise.reject(new Error('[schema] Kysely introspection is not supported on DuckDB: read duckdb_tables() / duckdb_columns()'));
    return { getSchemas: unsupported, getTables: unsupported, getMetadata: unsupported };
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

/** Statements that answer DuckDB's one-row "Count" instead of rows, unless they have a RETURNING clause. */
const countingKinds = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

class ExecutorConnection implements DatabaseConnection {
  constructor(private readonly executor: SqlExecutor) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const rows = await this.executor.all<Row>(compiled.sql, compiled.parameters as SqlParam[]);
    const node = compiled.query as { kind: string; returning?: unknown };
    if (countingKinds.has(node.kind) && !node.returning) {
      return { rows: [], numAffectedRows: BigInt(Number(rows[0]?.Count ?? 0)) };
    }
    return { rows: rows as R[] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('[schema] streaming through Kysely is not supported: stream with a DuckDB connection (db.connect())');
  }
}

/**
 * One "connection" per executor: the executor decides which DuckDB connection runs the SQL. Kysely's own
 * transactions are refused, because Database.write() is the one place that serialises writers: write
 * `db.write((tx) => kyselyOf(tx)...)` instead.
 */
class ExecutorDriver implements Driver {
  private readonly connection: ExecutorConnection;

  constructor(executor: SqlExecutor) {
    this.connection = new ExecutorConnection(executor);
  }

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('[schema] open transactions with db.write((tx) => …) and query with kyselyOf(tx), not Kysely.transaction()');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}
