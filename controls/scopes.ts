import type { DuckDBConnection } from '@duckdb/node-api';
import { inventoryTables } from '../schema/inventory.js';
import { quoteLiteral, type TableDef } from '../schema/table.js';
import { describeDuration } from './limits.js';

/** A scope (account × region of one table) whose data a check cannot trust. */
export interface ScopeProblem {
  table: string;
  account_id: string;
  region: string;
  /**
   * 'error': the last collection failed (rows are stale or incomplete), or a later sync could not reach the
   * account at all; 'missing': never synced; 'old': collected longer ago than the maximum data age; 'schema': an
   * upgrade added columns to the table after these rows were collected, so those columns hold NULL, not facts.
   */
  kind: 'error' | 'missing' | 'old' | 'schema';
  error: string | null;
}

export interface ScopeRules {
  /** The time of the evaluation: data age is measured against it. */
  now?: Date;
  /** Data collected longer ago than this is in doubt; 0 or undefined: no limit. */
  maxDataAgeMs?: number;
}

/**
 * aws_accounts and aws_regions define the scopes themselves (they are written once per account, at region
 * 'global', whatever the table's nominal scope); checking them against themselves would be circular.
 */
const scopeDefining = new Set(['aws_accounts', 'aws_regions', 'aws_region_coverage']);

/**
 * Every scope that should have been synced but was not, whose last collection failed, whose account a later sync
 * could not reach, whose data is older than the maximum age, or whose table gained columns after it was synced,
 * for the given tables. Expected scopes come from what the sync says it covered: a global table needs
 * (account, 'global') for every row of aws_accounts; a regional table needs (account, region) for every row of
 * aws_regions. One query for all tables, so the cost does not grow with the number of checks.
 */
export async function scopeProblems(
  conn: DuckDBConnection,
  tableNames: Iterable<string>,
  tables: readonly TableDef[] = inventoryTables,
  rules: ScopeRules = {},
): Promise<Map<string, ScopeProblem[]>> {
  const defs = [...new Set(tableNames)]
    .filter((name) => !scopeDefining.has(name))
    .map((name) => tables.find((t) => t.name === name))
    .filter((t): t is TableDef => t !== undefined);
  const byTable = new Map<string, ScopeProblem[]>();
  if (defs.length === 0) return byTable;
  const values = defs.map((t) => `(${quoteLiteral(t.name)}, ${quoteLiteral(t.scope)})`).join(', ');
  const maxAge = rules.maxDataAgeMs ?? 0;
  const oldest = maxAge > 0 ? timestampLiteral(new Date((rules.now ?? new Date()).getTime() - maxAge)) : 'NULL::TIMESTAMP';
  const reader = await conn.runAndReadAll(`
    WITH t(table_name, scope) AS (VALUES ${values}),
    accounts AS (SELECT DISTINCT account_id FROM aws_accounts),
    regions AS (SELECT DISTINCT account_id, region FROM aws_regions),
    -- An account a later sync could not enter keeps its earlier rows and 'ok' scopes: they are stale, so every
    -- scope attempted before that failure is in doubt. Two ways to fail: AssumeRole refused (a sync_errors row),
    -- or the whole sync could not run (credentials refused, STS denied: a 'failed' sync_runs row, for the
    -- accounts it names, or every account when it could not even tell which account it was).
    failures AS (
      SELECT account_id, occurred_at AS failed_at,
             'the last sync could not assume its role in this account (' || error_code || ': ' || message || ')' AS why
      FROM sync_errors WHERE operation = 'AssumeRole' AND account_id IS NOT NULL
      UNION ALL
      SELECT a.account_id, r.started_at,
             'the sync of ' || strftime(r.started_at, '%Y-%m-%d %H:%M') || ' UTC could not run (' || coalesce(r.message, 'no reason recorded') || ')'
      FROM sync_runs r JOIN accounts a ON r.accounts IS NULL OR len(r.accounts) = 0 OR list_contains(r.accounts, a.account_id)
      WHERE r.status = 'failed'
    ),
    unreachable AS (SELECT account_id, max(failed_at) AS failed_at, arg_max(why, failed_at) AS why FROM failures GROUP BY account_id),
    added AS (
      SELECT table_name, max(added_at) AS added_at, string_agg(column_name, ', ' ORDER BY column_name) AS columns
      FROM inventory_columns GROUP BY table_name
    ),
    expected AS (
      SELECT t.table_name, a.account_id, 'global' AS region FROM t CROSS JOIN accounts a WHERE t.scope = 'global'
      UNION ALL
      SELECT t.table_name, r.account_id, r.region FROM t CROSS JOIN regions r WHERE t.scope = 'regional'
    ),
    judged AS (
      SELECT e.table_name, e.account_id, e.region,
             CASE WHEN s.status IS NULL THEN 'missing'
                  WHEN s.status <> 'ok' THEN 'error'
                  WHEN u.failed_at > s.attempted_at THEN 'error'
                  WHEN c.added_at > s.synced_at THEN 'schema'
                  WHEN s.synced_at < ${oldest} THEN 'old'
             END AS kind,
             CASE WHEN s.status IS NULL THEN NULL
                  WHEN s.status <> 'ok' THEN s.error
                  WHEN u.failed_at > s.attempted_at THEN u.why || ', so these rows are from ' || strftime(s.synced_at, '%Y-%m-%d %H:%M') || ' UTC'
                  WHEN c.added_at > s.synced_at THEN 'an upgrade on ' || strftime(c.added_at, '%Y-%m-%d %H:%M') || ' UTC added ' || c.columns
                       || ', which rows collected before (' || strftime(s.synced_at, '%Y-%m-%d %H:%M') || ' UTC) do not hold; sync again'
                  ELSE 'collected ' || strftime(s.synced_at, '%Y-%m-%d %H:%M') || ' UTC, older than the maximum data age of ${describeDuration(maxAge)}; sync again, or raise --max-data-age'
             END AS error
      FROM expected e
      LEFT JOIN sync_scopes s ON s.table_name = e.table_name AND s.account_id = e.account_id AND s.region = e.region
      LEFT JOIN unreachable u ON u.account_id = e.account_id
      LEFT JOIN added c ON c.table_name = e.table_name
    )
    SELECT table_name, account_id, region, kind, error FROM judged WHERE kind IS NOT NULL
    ORDER BY table_name, account_id, region`);
  for (const [table, account, region, kind, error] of reader.getRowsJS() as Array<[string, string, string, ScopeProblem['kind'], string | null]>) {
    const list = byTable.get(table) ?? [];
    list.push({ table, account_id: account, region, kind, error });
    byTable.set(table, list);
  }
  return byTable;
}

/** A TIMESTAMP literal in UTC (synced_at is stored as UTC wall time). */
function timestampLiteral(d: Date): string {
  return `TIMESTAMP ${quoteLiteral(d.toISOString().replace('T', ' ').replace('Z', ''))}`;
}

const phrases: Record<ScopeProblem['kind'], string> = {
  error: 'failed to sync in',
  missing: 'was never synced in',
  old: 'is too old to trust in',
  schema: 'gained columns after the last sync of',
};

/** One line for a control's reason: which data could not be trusted, grouped by table, a few scopes each. */
export function describeScopeProblems(problems: readonly ScopeProblem[]): string {
  const byTable = new Map<string, ScopeProblem[]>();
  for (const p of problems) byTable.set(p.table, [...(byTable.get(p.table) ?? []), p]);
  const parts: string[] = [];
  for (const [table, list] of byTable) {
    const where = (ps: ScopeProblem[]) => ps.slice(0, 3).map((p) => `${p.account_id}/${p.region}`).join(', ') + (ps.length > 3 ? ` and ${ps.length - 3} more` : '');
    for (const kind of Object.keys(phrases) as Array<ScopeProblem['kind']>) {
      const ps = list.filter((p) => p.kind === kind);
      if (ps.length) parts.push(`${table} ${phrases[kind]} ${where(ps)}${ps[0]!.error ? ` (${ps[0]!.error})` : ''}`);
    }
  }
  return parts.join('; ');
}
