/**
 * The shapes every layer above the database speaks, without the DuckDB client behind them. migrations.ts takes
 * these instead of db.ts's classes, so db.ts can run the migrations on open without an import cycle.
 */

/** A value we bind as a query parameter or append to a table. */
export type SqlParam = string | number | boolean | bigint | null | Date | readonly string[];
export type Row = Record<string, unknown>;

/** One open write transaction (schema/db.ts's Transaction). */
export interface SqlTransaction {
  run(sql: string, params?: SqlParam[]): Promise<void>;
  all<T = Row>(sql: string, params?: SqlParam[]): Promise<T[]>;
}

/** A database file that migrations can write to (schema/db.ts's Database). */
export interface MigratableDatabase {
  readonly path: string;
  /** A DuckLake (schema/store.ts): migrations run without keys (schema/lake-ddl.ts). */
  readonly lake?: boolean;
  write<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T>;
}

/** One step of Calabi's own schema, applied once, in version order (schema/migrations.ts lists them). */
export interface Migration {
  version: number;
  name: string;
  up(tx: SqlTransaction): Promise<void>;
}
