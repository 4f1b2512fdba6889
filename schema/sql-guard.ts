import { StatementType, type DuckDBConnection, type DuckDBPreparedStatement } from '@duckdb/node-api';

/**
 * One read-only statement, checked with DuckDB's own parser: the SQL console's requests and the engine's custom
 * checks (and their scope filters) both pass through here. It lives in schema/ so both layers can import it.
 */

/** A statement refused or failed; `code` tells the client why, `position` points into the SQL. */
export class ConsoleError extends Error {
  constructor(
    message: string,
    readonly code: 'empty' | 'refused' | 'sql' | 'timeout' | 'sandbox' | 'busy' | 'memory' | 'worker',
    readonly position?: { line: number; column: number },
  ) {
    super(message);
    this.name = 'ConsoleError';
  }
}

/**
 * Table and scalar functions that change state although they run inside a SELECT: settings (enable_logging
 * flips a setting even under lock_configuration), checkpoints, raw pointers (arrow_scan), and functions that
 * execute a SQL string, which would let a query assemble any of these names at run time.
 */
export const refusedFunctions: ReadonlySet<string> = new Set([
  'enable_logging', 'disable_logging', 'truncate_duckdb_logs', 'enable_profiling', 'disable_profiling',
  'enable_peg_parser', 'disable_peg_parser', 'checkpoint', 'force_checkpoint', 'arrow_scan', 'arrow_scan_dumb',
  'query', 'query_table', 'json_execute_serialized_sql', 'setseed', 'nextval', 'set_variable',
]);

/**
 * Functions that read files. External access is off, but DuckDB still lets a query read the files of the database
 * it has open (the database file, its write-ahead log, its temporary files: verified with read_blob on 1.5), which
 * hold deleted rows too. So none of them runs in the console, whatever file it names.
 */
export const fileReadingFunctions: ReadonlySet<string> = new Set([
  'read_blob', 'read_text', 'read_csv', 'read_csv_auto', 'read_json', 'read_json_auto', 'read_json_objects', 'read_json_objects_auto',
  'read_ndjson', 'read_ndjson_auto', 'read_ndjson_objects', 'read_parquet', 'parquet_scan', 'parquet_metadata', 'parquet_schema',
  'parquet_file_metadata', 'parquet_kv_metadata', 'parquet_full_metadata', 'parquet_bloom_probe', 'sniff_csv', 'glob', 'read_duckdb',
  'copy_database', 'import_database',
]);

/**
 * Introspection that shows the host rather than the inventory: paths of the database, its temporary and extension
 * directories, settings, secrets, logs. An analyst needs tables, columns and types (duckdb_tables(), DESCRIBE…),
 * not these. (duckdb_secrets() and which_secret() DuckDB itself refuses with external access off.)
 */
export const hostFunctions: ReadonlySet<string> = new Set([
  'duckdb_settings', 'duckdb_databases', 'pragma_database_list', 'database_list', 'show_databases', 'duckdb_extensions',
  'duckdb_temporary_files', 'duckdb_external_file_cache', 'duckdb_logs', 'duckdb_log_contexts',
  'duckdb_profiling_settings', 'duckdb_secret_types', 'pragma_user_agent', 'pragma_platform', 'duckdb_approx_database_count',
  'duckdb_connection_count', 'duckdb_prepared_statements', 'duckdb_variables', 'getvariable', 'current_query',
]);

/** Settings current_setting() may show: what shapes a query's answer or limits, never a path. */
export const visibleSettings: ReadonlySet<string> = new Set([
  'memory_limit', 'threads', 'enable_external_access', 'lock_configuration', 'timezone', 'calendar', 'default_order',
  'default_null_order', 'max_expression_depth', 'access_mode', 'enable_object_cache',
]);

/** Who runs the statement, for the messages: the SQL console, or the engine running a custom check. */
export type GuardSubject = 'console' | 'check';
interface Wording {
  the: string;
  readOnly: string;
  statements: string;
}
const wording: Record<GuardSubject, Wording> = {
  console: { the: 'the console', readOnly: 'the read-only console', statements: 'SELECT, WITH, DESCRIBE, SHOW, EXPLAIN or SUMMARIZE' },
  check: { the: 'a check', readOnly: 'a check, which only reads the inventory', statements: 'SELECT (or WITH … SELECT) returning the failing resources' },
};

const readOnlyTypes = new Set<StatementType>([StatementType.SELECT, StatementType.EXPLAIN]);

/**
 * Accepts exactly one read-only statement and returns it prepared on `conn` (which must be inside a read-only
 * transaction). The statement type comes from DuckDB's own parser; the function names from its serialised
 * syntax tree, so quoting or qualifying a name does not slip past.
 */
export async function prepareReadOnly(conn: DuckDBConnection, sql: string, where: GuardSubject = 'console'): Promise<DuckDBPreparedStatement> {
  const w = wording[where];
  if (!/[^\s;]/.test(stripComments(sql))) throw new ConsoleError('sql is empty: write one SELECT, WITH, DESCRIBE, SHOW, EXPLAIN or SUMMARIZE statement', 'empty');
  const extracted = await conn.extractStatements(sql).catch((cause: unknown) => {
    throw sqlError(cause);
  });
  if (extracted.count !== 1) {
    throw new ConsoleError(`${w.the} runs one statement at a time; this text holds ${extracted.count}`, 'refused');
  }
  // Functions are checked before the statement is bound: binding a table function already runs its bind step.
  const ast = await syntaxTree(conn, sql);
  if (ast) refuseStatefulFunctions(ast, w);
  const prepared = await extracted.prepare(0).catch((cause: unknown) => {
    throw sqlError(cause);
  });
  try {
    const type = prepared.statementType;
    if (!readOnlyTypes.has(type)) {
      const keyword = /^\s*([A-Za-z]+)/.exec(stripComments(sql))?.[1]?.toUpperCase() ?? 'this';
      throw new ConsoleError(`${keyword} is not allowed in ${w.the} (a ${StatementType[type] ?? 'non-SELECT'} statement): it runs one read-only ${w.statements}`, 'refused');
    }
    if (type === StatementType.EXPLAIN) {
      // EXPLAIN ANALYZE runs its statement, so what it explains must pass the same test.
      const inner = await syntaxTree(conn, explained(sql));
      if (!inner) throw new ConsoleError(`EXPLAIN in ${w.the} works on a single SELECT only`, 'refused');
      refuseStatefulFunctions(inner, w);
    } else if (!ast) {
      throw new ConsoleError(`${w.the} cannot verify this statement; write it as a single SELECT`, 'refused');
    }
    return prepared;
  } catch (error) {
    prepared.destroySync();
    throw error;
  }
}

/**
 * The statement after EXPLAIN [ANALYZE], cut from the original text: only comments before the keyword are skipped,
 * never anything later, where a comment marker may sit inside a string literal.
 */
function explained(sql: string): string {
  const m = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*EXPLAIN\s+(?:ANALY[SZ]E\s+)?/i.exec(sql);
  if (!m) throw new ConsoleError('write EXPLAIN or EXPLAIN ANALYZE followed by a SELECT; EXPLAIN options are not supported in the console', 'refused');
  return sql.slice(m[0].length);
}

/** DuckDB's own syntax tree of a SELECT-like statement; undefined for statements it cannot serialise. */
async function syntaxTree(conn: DuckDBConnection, sql: string): Promise<unknown> {
  const reader = await conn.runAndReadAll('SELECT json_serialize_sql(?::VARCHAR) AS ast', [sql]);
  const text = reader.getRowsJS()[0]?.[0];
  const ast = typeof text === 'string' ? (JSON.parse(text) as { error?: boolean }) : undefined;
  return ast && !ast.error ? ast : undefined;
}

function refuseStatefulFunctions(ast: unknown, w: Wording): void {
  const stateful = new Set<string>();
  const files = new Set<string>();
  const host = new Set<string>();
  walk(ast, (name, node) => {
    const n = name.toLowerCase();
    if (refusedFunctions.has(n)) stateful.add(n);
    if (fileReadingFunctions.has(n)) files.add(`${n}()`);
    if (hostFunctions.has(n)) host.add(`${n}()`);
    if (n === 'current_setting') {
      const setting = constantText((node.children as unknown[] | undefined)?.[0]);
      if (setting === undefined || !visibleSettings.has(setting.toLowerCase())) host.add(`current_setting(${setting === undefined ? '…' : `'${setting}'`})`);
    }
  }, (table) => {
    const n = table.toLowerCase();
    // A quoted path in FROM ('calabi.duckdb.wal', 'x.csv') is a file read by replacement scan.
    if (/[/\\.:]/.test(n)) files.add(`'${table}'`);
    if (hostFunctions.has(n)) host.add(n);
  });
  if (stateful.size) {
    throw new ConsoleError(`${[...stateful].join(', ')}() changes the database or its settings and is not allowed in ${w.readOnly}`, 'refused');
  }
  if (files.size) {
    throw new ConsoleError(`${[...files].join(', ')} reads files; file system operations are disabled by configuration in ${w.the}: query the inventory tables instead`, 'refused');
  }
  if (host.size) {
    throw new ConsoleError(`${[...host].join(', ')} shows facts of the host (paths, settings, secrets) that ${w.the} does not give out; duckdb_tables(), duckdb_columns() and DESCRIBE show the inventory's structure`, 'refused');
  }
}

function constantText(node: unknown): string | undefined {
  const value = (node as { class?: string; value?: { value?: unknown } } | undefined);
  return value?.class === 'CONSTANT' && typeof value.value?.value === 'string' ? value.value.value : undefined;
}

function walk(node: unknown, onFunction: (name: string, node: Record<string, unknown>) => void, onTable: (name: string) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, onFunction, onTable);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (typeof record.function_name === 'string') onFunction(record.function_name, record);
  if (record.type === 'BASE_TABLE' && typeof record.table_name === 'string') onTable(record.table_name);
  for (const value of Object.values(record)) walk(value, onFunction, onTable);
}

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
}

/** DuckDB's own message (it carries "LINE n:" and a caret) and, when it points somewhere, the line and column. */
export function sqlError(cause: unknown): ConsoleError {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (/Interrupted/i.test(message)) return new ConsoleError(message, 'timeout');
  return new ConsoleError(message, 'sql', caretPosition(message));
}

/** DuckDB marks the error under "LINE 3: <text>" with a caret; the column is the caret's offset into <text>. */
function caretPosition(message: string): { line: number; column: number } | undefined {
  const m = /(LINE (\d+): )[^\n]*\n( *)\^/.exec(message);
  if (!m) return undefined;
  return { line: Number(m[2]), column: m[3]!.length - m[1]!.length + 1 };
}
