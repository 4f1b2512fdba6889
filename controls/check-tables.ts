import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * The tables a check reads, derived from its SQL with DuckDB's own parser (json_serialize_sql), never trusted
 * from the hand-written `tables` of its metadata: a custom check whose metadata forgets a table must not PASS on
 * data that failed to sync. Views and macros of the main schema (schema/sql-objects.ts, or an analyst's own) are
 * expanded to the tables they read, from the definitions DuckDB holds; names a WITH clause defines are not
 * tables. The result is a superset of what the optimiser would scan, which is what failing closed needs: a table
 * the plan would skip because statistics say it is empty (a sync that lost it) still counts.
 */
/** Derived answers for the latest set of view, macro and table definitions seen (one database at a time). */
let answers: { key: string; bySql: Map<string, Set<string> | null> } = { key: '', bySql: new Map() };

export class CheckTables {
  private readonly memo = new Map<string, Promise<Set<string>>>();

  private constructor(
    private readonly conn: DuckDBConnection,
    private readonly views: ReadonlyMap<string, string>,
    private readonly macros: ReadonlyMap<string, string>,
    private readonly existing: ReadonlySet<string>,
  ) {}

  /** Reads the view and macro definitions once; derive many checks' tables from them. */
  static async load(conn: DuckDBConnection): Promise<CheckTables> {
    const views = new Map<string, string>();
    const viewRows = (await conn.runAndReadAll("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal AND NOT temporary AND schema_name = 'main'")).getRowsJS() as string[][];
    for (const [name, sql] of viewRows) {
      const body = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+(?:"(?:[^"]|"")+"|[^\s(]+)\s*(?:\([^)]*\)\s*)?AS\s+([\s\S]*?);?\s*$/i.exec(sql!)?.[1];
      if (body) views.set(name!.toLowerCase(), body);
    }
    const macros = new Map<string, string>();
    const macroRows = (await conn.runAndReadAll(
      "SELECT function_name, function_type, macro_definition FROM duckdb_functions() WHERE function_type IN ('macro', 'table_macro') AND NOT internal AND macro_definition IS NOT NULL",
    )).getRowsJS() as string[][];
    for (const [name, type, definition] of macroRows) {
      // A scalar macro's definition is an expression; as the list of a SELECT it parses the same way.
      macros.set(name!.toLowerCase(), type === 'table_macro' ? definition! : `SELECT ${definition}`);
    }
    const existing = new Set(
      ((await conn.runAndReadAll("SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND schema_name = 'main'")).getRowsJS() as string[][]).map((r) => r[0]!.toLowerCase()),
    );
    const derived = new CheckTables(conn, views, macros, existing);
    // The answers depend only on the statement and these definitions: kept while the definitions stay the same,
    // so a server evaluating again (or a scheduled scan) does not parse every check again.
    const key = JSON.stringify([[...views].sort(), [...macros].sort(), [...existing].sort()]);
    if (key !== answers.key) answers = { key, bySql: new Map() };
    derived.answers = answers.bySql;
    return derived;
  }

  private answers = new Map<string, Set<string> | null>();

  /** Tables the statement reads, views and macros expanded; null when DuckDB cannot parse it (prepare reports why). */
  async of(sql: string): Promise<Set<string> | null> {
    const known = this.answers.get(sql);
    if (known !== undefined) return known === null ? null : new Set(known);
    const ast = await syntaxTree(this.conn, sql);
    const tables = ast === undefined ? null : await this.expand(ast);
    this.answers.set(sql, tables === null ? null : new Set(tables));
    return tables;
  }

  private async expand(ast: unknown): Promise<Set<string>> {
    const refs = references(ast);
    const tables = new Set<string>();
    for (const name of refs.tables) {
      // A WITH name is not a table, unless it shadows one: then the table is read too (WITH aws_x AS (… FROM aws_x)).
      if (refs.ctes.has(name) && !this.existing.has(name)) continue;
      if (this.views.has(name)) for (const t of await this.named(name, this.views.get(name)!)) tables.add(t);
      else tables.add(name);
    }
    for (const name of refs.functions) {
      if (this.macros.has(name)) for (const t of await this.named(name, this.macros.get(name)!)) tables.add(t);
    }
    return tables;
  }

  private named(name: string, body: string): Promise<Set<string>> {
    let result = this.memo.get(name);
    if (!result) {
      // Marked before expanding, so a definition that refers to itself ends instead of recursing forever.
      this.memo.set(name, Promise.resolve(new Set()));
      result = syntaxTree(this.conn, body).then((ast) => (ast === undefined ? new Set<string>() : this.expand(ast)));
      this.memo.set(name, result);
    }
    return result;
  }
}

async function syntaxTree(conn: DuckDBConnection, sql: string): Promise<unknown> {
  const reader = await conn.runAndReadAll('SELECT json_serialize_sql(?::VARCHAR)', [sql]);
  const text = reader.getRowsJS()[0]?.[0];
  const ast = typeof text === 'string' ? (JSON.parse(text) as { error?: boolean }) : undefined;
  return ast && !ast.error ? ast : undefined;
}

/** Base-table names, function names (table and scalar) and WITH names anywhere in a serialised statement. */
function references(ast: unknown): { tables: Set<string>; functions: Set<string>; ctes: Set<string> } {
  const out = { tables: new Set<string>(), functions: new Set<string>(), ctes: new Set<string>() };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'BASE_TABLE' && typeof n.table_name === 'string') out.tables.add(n.table_name.toLowerCase());
    if (typeof n.function_name === 'string') out.functions.add(n.function_name.toLowerCase());
    const ctes = (n.cte_map as { map?: Array<{ key?: unknown }> } | undefined)?.map;
    if (Array.isArray(ctes)) for (const c of ctes) if (typeof c.key === 'string') out.ctes.add(c.key.toLowerCase());
    for (const value of Object.values(n)) walk(value);
  };
  walk(ast);
  return out;
}
