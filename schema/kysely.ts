import { Kysely } from 'kysely';
import { DuckDbDialect, type SqlExecutor } from './kysely-dialect.js';
import type { DB } from './own-tables.js';

export type { SqlExecutor } from './kysely-dialect.js';
export type { DB } from './own-tables.js';

/** Kysely is only a typed query builder here; one instance per executor, kept while the executor lives. */
const instances = new WeakMap<SqlExecutor, Kysely<DB>>();

/**
 * Typed queries on Calabi's own tables, run on `executor`: a Database (its main connection), a read pool, or an
 * open Transaction — inside `db.write((tx) => …)`, `kyselyOf(tx)` runs in that transaction. Inventory tables and
 * check SQL stay plain SQL.
 */
export function kyselyOf(executor: SqlExecutor): Kysely<DB> {
  let k = instances.get(executor);
  if (!k) {
    k = new Kysely<DB>({ dialect: new DuckDbDialect(executor) });
    instances.set(executor, k);
  }
  return k;
}
