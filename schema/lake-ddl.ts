import type { SqlTransaction } from './sql-types.js';

/**
 * DuckLake has no PRIMARY KEY/UNIQUE constraints, indexes or sequences (DuckLake 1.5.5 refuses them: "PRIMARY
 * KEY/UNIQUE constraints are not supported in DuckLake"). Our migrations declare keys on our own tables; on a lake
 * they run with the keys left out, and the writers keep keys unique themselves (they replace a row by
 * delete-then-insert in one transaction, never by ON CONFLICT, which needs a constraint). NOT NULL, defaults,
 * comments, views and macros are kept: DuckLake has them.
 */
export function withoutKeys(sql: string): string {
  if (!/^\s*CREATE\s+TABLE\b/i.test(sql)) return sql;
  // Line comments go first: one between a column's comma and a table key would hide the key from the patterns.
  // Our CREATE TABLE scripts have no "--" inside a literal, so this is exact for them.
  return sql
    .replace(/--[^\n]*/g, '')
    .replace(/,\s*(?:PRIMARY\s+KEY|UNIQUE)\s*\([^)]*\)/gi, '') // table constraint: , PRIMARY KEY (a, b)
    .replace(/\s+(?:PRIMARY\s+KEY|UNIQUE)\b(?=\s*[,)\n-])/gi, ''); // column constraint: id VARCHAR PRIMARY KEY,
}

/** A migration transaction whose CREATE TABLE statements lose their keys (each statement of a script too). */
export function lakeMigrationTx(tx: SqlTransaction): SqlTransaction {
  return {
    run: (sql, params) => tx.run(splitStatements(sql).map(withoutKeys).join(';\n'), params),
    all: (sql, params) => tx.all(sql, params),
  };
}

/** Our migrations' scripts are plain DDL joined by ';\n' (no ';' inside literals), so this split is exact for them. */
function splitStatements(sql: string): string[] {
  return sql.split(/;\s*\n/);
}
