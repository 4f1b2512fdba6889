import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database, Row, SqlParam } from '../schema/db.js';

/** The read side of Database, so report code runs on a pool or on the database itself (tests). */
export interface Reader {
  all<T = Row>(sql: string, params?: SqlParam[]): Promise<T[]>;
  one<T = Row>(sql: string, params?: SqlParam[]): Promise<T | undefined>;
}

/**
 * A few connections for API reads. One DuckDB connection runs one query at a time, so 32 clients on the
 * database's main connection would queue behind each other; separate connections run in parallel and each sees
 * the last committed state.
 */
export class ReadPool implements Reader {
  private readonly conns: Array<Promise<DuckDBConnection> | undefined>;
  private next = 0;

  constructor(private readonly db: Database, size = 4) {
    this.conns = new Array(size).fill(undefined);
  }

  async all<T = Row>(sql: string, params: SqlParam[] = []): Promise<T[]> {
    const i = this.next++ % this.conns.length;
    const conn = (this.conns[i] ??= this.db.connect());
    return this.db.all<T>(sql, params, await conn);
  }

  async one<T = Row>(sql: string, params: SqlParam[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
}

/** A small least-recently-used map: completed scans never change, so their rendered parts can be reused. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly size: number) {}

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as K);
  }

  async getOrLoad(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = await load();
    this.set(key, value);
    return value;
  }
}
