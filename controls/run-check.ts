import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent, quoteLiteral } from '../schema/table.js';
import { readFindingGroups } from './read-findings.js';
import type { ScopeProblem } from './scopes.js';
import type { Check, ResourceFinding } from './types.js';

export const requiredColumns = ['resource_id', 'account_id', 'region', 'reason'] as const;

/** What one check found in one scan; shared by every requirement that maps it. */
export interface CheckOutcome {
  checkId: string;
  /** The check could not run (broken file, SQL error, missing column, unknown table): message names the file. */
  error: string | null;
  /** Scopes of the tables it reads that failed to sync or were never synced. */
  scopeProblems: ScopeProblem[];
  /** Rows of its scope table (0 means nothing to evaluate). */
  evaluated: number;
  findings: ResourceFinding[];
  durationMs: number;
}

export interface RunCheckContext {
  conn: DuckDBConnection;
  scanId: string;
  /** Requirement ids of this benchmark that map the check: its findings are stored once for each. */
  controlIds: readonly string[];
  /** Tables and views present in the database. */
  knownTables: ReadonlySet<string>;
  scopeProblems: ReadonlyMap<string, ScopeProblem[]>;
  /** Put the evidence columns on each finding of the report too (they are always stored in `findings`). */
  includeEvidence?: boolean;
}

/**
 * Runs one check: validates it cheaply (prepare: syntax, tables, columns), counts its scope, then materialises
 * its failing rows once in a connection-local temp table, from which DuckDB itself copies them into `findings`
 * and the report reads them. No per-row work in JS beyond building the report.
 */
export async function runCheck(check: Check, ctx: RunCheckContext): Promise<CheckOutcome> {
  const started = performance.now();
  const outcome = (partial: Partial<CheckOutcome>): CheckOutcome => ({
    checkId: check.id,
    error: null,
    scopeProblems: check.tables.flatMap((t) => ctx.scopeProblems.get(t) ?? []),
    evaluated: 0,
    findings: [],
    durationMs: performance.now() - started,
    ...partial,
  });

  const unknown = [...check.tables, check.scope.table].filter((t) => !ctx.knownTables.has(t));
  if (unknown.length) {
    return outcome({ error: `${check.file}: reads ${[...new Set(unknown)].join(', ')}, which is not a table of the inventory. Fix "tables"/"scope" in its metadata (tables are listed by \`calabi tables\`).` });
  }

  let columns: string[];
  try {
    const prepared = await ctx.conn.prepare(check.sql);
    columns = Array.from({ length: prepared.columnCount }, (_, i) => prepared.columnName(i));
    prepared.destroySync();
  } catch (cause) {
    return outcome({ error: `${check.file}: ${sqlError(cause)}` });
  }
  const lower = columns.map((c) => c.toLowerCase());
  const missing = requiredColumns.filter((c) => !lower.includes(c));
  if (missing.length) {
    return outcome({ error: `${check.file}: the query must return the columns ${requiredColumns.join(', ')}; missing ${missing.join(', ')}` });
  }

  let evaluated: number;
  try {
    const where = check.scope.where ? ` WHERE (${check.scope.where})` : '';
    const reader = await ctx.conn.runAndReadAll(`SELECT count(*) FROM ${quoteIdent(check.scope.table)}${where}`);
    evaluated = Number(reader.getRowsJS()[0]?.[0] ?? 0);
  } catch (cause) {
    return outcome({ error: `${check.file}: its scope (${check.scope.table}${check.scope.where ? ` WHERE ${check.scope.where}` : ''}) cannot be counted: ${sqlError(cause)}` });
  }

  const extra = columns.filter((c) => !(requiredColumns as readonly string[]).includes(c.toLowerCase()));
  const evidence = extra.length ? `json_object(${extra.map((c) => `${quoteLiteral(c)}, q.${quoteIdent(c)}`).join(', ')})` : 'NULL::JSON';
  const temp = `calabi_check_${check.id}`;
  try {
    // The query starts on the first line so DuckDB's "LINE n" in an error matches the file.
    await ctx.conn.run(
      `CREATE OR REPLACE TEMP TABLE ${quoteIdent(temp)} AS SELECT coalesce(CAST(q.resource_id AS VARCHAR), '') AS resource_id, coalesce(CAST(q.account_id AS VARCHAR), '') AS account_id, ` +
        `coalesce(CAST(q.region AS VARCHAR), '') AS region, coalesce(CAST(q.reason AS VARCHAR), '') AS reason, ${evidence} AS evidence FROM (${check.sql}\n) q`,
    );
  } catch (cause) {
    return outcome({ evaluated, error: `${check.file}: ${sqlError(cause)}` });
  }
  try {
    if (ctx.controlIds.length) {
      const controls = ctx.controlIds.map((id) => `(${quoteLiteral(id)})`).join(', ');
      await ctx.conn.run(
        `INSERT INTO findings (scan_id, control_id, check_id, resource_id, account_id, region, reason, evidence)
         SELECT ${quoteLiteral(ctx.scanId)}, c.control_id, ${quoteLiteral(check.id)}, f.resource_id, f.account_id, f.region, f.reason, f.evidence
         FROM ${quoteIdent(temp)} f CROSS JOIN (VALUES ${controls}) c(control_id)`,
      );
    }
    // Canonical order (the report id's), so computeReportId's sort has nothing to do.
    const groups = await readFindingGroups(ctx.conn, { from: quoteIdent(temp), key: "''", evidence: ctx.includeEvidence });
    const findings = groups.get('') ?? [];
    return outcome({ evaluated, findings });
  } finally {
    await ctx.conn.run(`DROP TABLE IF EXISTS ${quoteIdent(temp)}`);
  }
}

/** DuckDB's message, kept whole: it carries "LINE n:" and a caret under the offending token. */
function sqlError(cause: unknown): string {
  return (cause instanceof Error ? cause.message : String(cause)).trim();
}
