import type { DuckDBConnection } from '@duckdb/node-api';
import { prepareReadOnly } from '../schema/sql-guard.js';
import { quoteIdent, quoteLiteral } from '../schema/table.js';
import { CheckTimer } from './check-timer.js';
import { createHash } from 'node:crypto';
import { defineLazyFindings } from './lazy-findings.js';
import { findingLineSql, findingOrderSql, findingsPartSize, readFindingGroups, readFindingTexts } from './read-findings.js';
import { findingsDigest } from './report-hash.js';
import type { ScopeProblem } from './scopes.js';
import type { Check, ResourceFinding } from './types.js';

export const requiredColumns = ['resource_id', 'account_id', 'region', 'reason'] as const;

const emptyDigest = findingsDigest([]);

/** The columns each built-in check's SQL returns, by SQL text (custom checks are asked every time). */
const columnsOf = new Map<string, string[]>();

/** What one check found in one scan; shared by every requirement that maps it. */
export interface CheckOutcome {
  checkId: string;
  /** The check could not run (broken file, SQL error, missing column, unknown table): message names the file. */
  error: string | null;
  /** Scopes of the tables it reads that failed to sync or were never synced. */
  scopeProblems: ScopeProblem[];
  /** Rows of its scope table (0 means nothing to evaluate). */
  evaluated: number;
  /** Parsed on first read (lazy-findings.ts): count with findingCount, and read only what is needed. */
  findings: ResourceFinding[];
  /** Distinct resources (account, region, resource id) among `findings`, when counted by DuckDB. */
  affected?: number;
  /** findingsDigest of `findings`, computed as they were read (null when not: evidence asked for, or an error). */
  digest?: string | null;
  durationMs: number;
  /** The connection-local temp table holding its rows until flushFindings writes them (null when none). */
  staged: StagedFindings | null;
}

export interface StagedFindings {
  table: string;
  checkId: string;
  /** Columns beyond the required four: stored as the finding's evidence. */
  evidence: readonly string[];
  /** Its rows (0: nothing to copy, only the temp table to drop). */
  rows: number;
}

export interface RunCheckContext {
  conn: DuckDBConnection;
  /** Tables and views present in the database. */
  knownTables: ReadonlySet<string>;
  scopeProblems: ReadonlyMap<string, ScopeProblem[]>;
  /** Put the evidence columns on each finding of the report too (they are always stored in `findings`). */
  includeEvidence?: boolean;
  /** Interrupt the check after this long (default: no limit); its outcome is then an error saying so. */
  timeoutMs?: number;
  /** Scope counts of built-in checks already taken in this scan, by their counting SQL. */
  scopeCounts?: Map<string, number>;
}

/**
 * Runs one check: a custom one is first validated cheaply (prepare: syntax, tables, columns; built-in ones are
 * validated by the registry test), then its failing rows are materialised once in a connection-local temp table,
 * from which the report reads them and, at the end of the scan, DuckDB copies them into `findings` in one
 * statement per connection (flushFindings): one commit instead of one per check.
 */
export async function runCheck(check: Check, ctx: RunCheckContext): Promise<CheckOutcome> {
  const timer = new CheckTimer(ctx.conn, ctx.timeoutMs ?? Number.POSITIVE_INFINITY);
  try {
    return await runTimedCheck(check, ctx, timer);
  } finally {
    timer.stop();
  }
}

async function runTimedCheck(check: Check, ctx: RunCheckContext, timer: CheckTimer): Promise<CheckOutcome> {
  const started = performance.now();
  const sqlError = (cause: unknown) => (timer.expired ? timer.message() : describeSqlError(cause));
  const outcome = (partial: Partial<CheckOutcome>): CheckOutcome => ({
    checkId: check.id,
    error: null,
    scopeProblems: check.tables.flatMap((t) => ctx.scopeProblems.get(t) ?? []),
    evaluated: 0,
    findings: [],
    digest: null,
    staged: null,
    durationMs: performance.now() - started,
    ...partial,
  });

  const unknown = [...check.tables, check.scope.table].filter((t) => !ctx.knownTables.has(t));
  if (unknown.length) {
    return outcome({ error: `${check.file}: reads ${[...new Set(unknown)].join(', ')}, which is not a table of the inventory. Fix "tables"/"scope" in its metadata (tables are listed by \`calabi tables\`).` });
  }
  if (!check.builtin) {
    try {
      // One read-only statement, by DuckDB's own parser: no second statement, no write, no setting changed.
      const prepared = await prepareReadOnly(ctx.conn, check.sql, 'check');
      const columns = Array.from({ length: prepared.columnCount }, (_, i) => prepared.columnName(i));
      prepared.destroySync();
      const missing = missingColumns(columns);
      if (missing.length) return outcome({ error: missingMessage(check, missing) });
    } catch (cause) {
      return outcome({ error: `${check.file}: ${sqlError(cause)}` });
    }
  }

  let evaluated: number;
  try {
    timer.check();
    const where = check.scope.where ? ` WHERE (${check.scope.where})` : '';
    const count = `SELECT count(*) FROM ${quoteIdent(check.scope.table)}${where}`;
    // A custom scope filter passes the same guard: `1=1); DELETE FROM scans; SELECT (1` is three statements.
    // Built-in checks share scopes (the fifteen 4.x checks all count aws_accounts): counted once per scan.
    const known = check.builtin ? ctx.scopeCounts?.get(count) : undefined;
    if (known !== undefined) evaluated = known;
    else {
      const reader = check.builtin ? await ctx.conn.runAndReadAll(count) : await runGuarded(ctx.conn, count);
      evaluated = Number(reader.getRowsJS()[0]?.[0] ?? 0);
      if (check.builtin) ctx.scopeCounts?.set(count, evaluated);
    }
  } catch (cause) {
    return outcome({ error: `${check.file}: its scope (${check.scope.table}${check.scope.where ? ` WHERE ${check.scope.where}` : ''}) cannot be counted: ${sqlError(cause)}` });
  }

  const temp = `calabi_check_${check.id}`;
  let rows: number;
  try {
    // The query starts on the first line so DuckDB's "LINE n" in an error matches the file. CREATE TABLE AS
    // answers with the number of rows it stored.
    timer.check();
    const created = await ctx.conn.runAndReadAll(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(temp)} AS SELECT * FROM (${check.sql}\n) q`);
    rows = Number(created.getRows()[0]?.[0] ?? 0);
  } catch (cause) {
    return outcome({ evaluated, error: `${check.file}: ${sqlError(cause)}` });
  }
  let staged = false;
  try {
    timer.stop();
    // A built-in check's columns follow from its SQL, which does not change while Calabi runs: asked once.
    const known = check.builtin ? columnsOf.get(check.sql) : undefined;
    const columns = known ?? ((await ctx.conn.runAndReadAll(`SELECT name FROM pragma_table_info(${quoteLiteral(`temp.${temp}`)})`)).getRowsJS() as string[][]).map((r) => r[0]!);
    const missing = missingColumns(columns);
    if (missing.length) return outcome({ evaluated, error: missingMessage(check, missing) });
    if (check.builtin && !known) columnsOf.set(check.sql, columns);
    const evidence = columns.filter((c) => !(requiredColumns as readonly string[]).includes(c.toLowerCase()));
    const staging = { table: temp, checkId: check.id, evidence, rows };
    // Nothing found (most checks on most estates): no query more; the temp table is dropped with the others.
    if (rows === 0) {
      staged = true;
      return outcome({ evaluated, findings: [], affected: 0, digest: emptyDigest, staged: staging });
    }
    // One statement counts the distinct resources (the requirement's affected count) and, up to a part's size,
    // renders the rows in canonical order (the report id's) as the digest's lines; larger results and evidence
    // are read in parts by readFindingGroups.
    const render = rows <= findingsPartSize && !ctx.includeEvidence;
    const [d, text] = (await ctx.conn.runAndReadAll(
      `SELECT count(DISTINCT (account_id, region, resource_id))${render ? `, string_agg(${findingLineSql}, chr(10) ORDER BY ${findingOrderSql})` : ', NULL'}
       FROM (${findingRows(temp, [])})`,
    )).getRowsJS()[0] ?? [0, null];
    const affected = Number(d);
    const found = (findings: ResourceFinding[], digest: string | null) => outcome({ evaluated, findings, affected, digest, staged: staging });
    // The findings stay DuckDB's text until something reads them (lazy-findings.ts); the digest is taken now.
    const lazy = (texts: readonly string[], digest: string | null) => defineLazyFindings(found([], digest), texts, rows);
    let result: CheckOutcome;
    if (typeof text === 'string') {
      result = lazy([text], createHash('sha256').update(text).update('\n').digest('hex'));
    } else if (!ctx.includeEvidence) {
      const digests = new Map<string, string>();
      const texts = await readFindingTexts(ctx.conn, { from: `(${findingRows(temp, [])})`, key: "''", rows, digests });
      result = lazy(texts.get('') ?? [], digests.get('') ?? null);
    } else {
      const groups = await readFindingGroups(ctx.conn, { from: `(${findingRows(temp, evidence)})`, key: "''", evidence: true, rows });
      result = found(groups.get('') ?? [], null);
    }
    staged = true;
    return result;
  } finally {
    if (!staged) await ctx.conn.run(`DROP TABLE IF EXISTS ${quoteIdent(temp)}`);
  }
}

async function runGuarded(conn: DuckDBConnection, sql: string) {
  const prepared = await prepareReadOnly(conn, sql, 'check');
  try {
    return await prepared.runAndReadAll();
  } finally {
    prepared.destroySync();
  }
}

/** The four required columns as non-null text, plus the evidence columns as one JSON object. */
function findingRows(temp: string, evidence: readonly string[]): string {
  const json = evidence.length ? `json_object(${evidence.map((c) => `${quoteLiteral(c)}, ${quoteIdent(c)}`).join(', ')})` : 'NULL::JSON';
  return (
    `SELECT ${requiredColumns.map((c) => `coalesce(CAST(${quoteIdent(c)} AS VARCHAR), '') AS ${c}`).join(', ')}, ${json} AS evidence ` +
    `FROM ${quoteIdent(temp)}`
  );
}

/**
 * Copies every staged check's rows of one connection into `check_findings` under the evaluation's id, in one
 * statement (one commit, one WAL flush), and drops the temp tables. A check's rows are stored once however many
 * requirements of however many benchmarks map it: the `findings` view joins them to each requirement
 * (schema/migration-check-findings.ts).
 */
export async function flushFindings(conn: DuckDBConnection, evaluationId: string, staged: readonly StagedFindings[]): Promise<void> {
  const parts = staged.filter((s) => s.rows > 0).map(
    (s) => `SELECT ${quoteLiteral(evaluationId)} AS evaluation_id, ${quoteLiteral(s.checkId)} AS check_id, f.* FROM (${findingRows(s.table, s.evidence)}) f`,
  );
  try {
    if (parts.length) {
      await conn.run(`INSERT INTO check_findings (evaluation_id, check_id, resource_id, account_id, region, reason, evidence)\n${parts.join('\nUNION ALL\n')}`);
    }
  } finally {
    // One statement for all of them: a few hundred checks, each drop a round trip otherwise.
    const drops = [...new Set(staged.map((s) => s.table))].map((table) => `DROP TABLE IF EXISTS ${quoteIdent(table)}`);
    if (drops.length) await conn.run(drops.join(';\n'));
  }
}

function missingColumns(columns: readonly string[]): string[] {
  const lower = columns.map((c) => c.toLowerCase());
  return requiredColumns.filter((c) => !lower.includes(c));
}

function missingMessage(check: Check, missing: readonly string[]): string {
  return `${check.file}: the query must return the columns ${requiredColumns.join(', ')}; missing ${missing.join(', ')}`;
}

/** DuckDB's message, kept whole: it carries "LINE n:" and a caret under the offending token. */
function describeSqlError(cause: unknown): string {
  return (cause instanceof Error ? cause.message : String(cause)).trim();
}
