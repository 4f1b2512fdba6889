import type { DuckDBConnection } from '@duckdb/node-api';
import { inventoryTables } from '../schema/inventory.js';
import { quoteLiteral, type TableDef } from '../schema/table.js';

/** A scope (account × region of one table) whose data a check cannot trust. */
export interface ScopeProblem {
  table: string;
  account_id: string;
  region: string;
  /** 'error': the last collection failed (rows are stale or incomplete); 'missing': never synced. */
  kind: 'error' | 'missing';
  error: string | null;
}

/**
 * aws_accounts and aws_regions define the scopes themselves (they are written once per account, at region
 * 'global', whatever the table's nominal scope); checking them against themselves would be circular.
 */
const scopeDefining = new Set(['aws_accounts', 'aws_regions']);

/**
 * Every scope that should have been synced but was not, or whose last collection failed, for the given tables.
 * Expected scopes come from what the sync says it covered: a global table needs (account, 'global') for every
 * row of aws_accounts; a regional table needs (account, region) for every row of aws_regions. One query for all
 * tables, so the cost does not grow with the number of checks.
 */
export async function scopeProblems(conn: DuckDBConnection, tableNames: Iterable<string>, tables: readonly TableDef[] = inventoryTables): Promise<Map<string, ScopeProblem[]>> {
  const defs = [...new Set(tableNames)]
    .filter((name) => !scopeDefining.has(name))
    .map((name) => tables.find((t) => t.name === name))
    .filter((t): t is TableDef => t !== undefined);
  const byTable = new Map<string, ScopeProblem[]>();
  if (defs.length === 0) return byTable;
  const values = defs.map((t) => `(${quoteLiteral(t.name)}, ${quoteLiteral(t.scope)})`).join(', ');
  const reader = await conn.runAndReadAll(`
    WITH t(table_name, scope) AS (VALUES ${values}),
    accounts AS (SELECT DISTINCT account_id FROM aws_accounts),
    regions AS (SELECT DISTINCT account_id, region FROM aws_regions),
    -- An account the last sync could not enter (AssumeRole failed) keeps its earlier rows and 'ok' scopes: they
    -- are stale, so every scope older than that failure is in doubt.
    unreachable AS (
      SELECT account_id, max(occurred_at) AS failed_at, arg_max(error_code || ': ' || message, occurred_at) AS error
      FROM sync_errors WHERE operation = 'AssumeRole' AND account_id IS NOT NULL GROUP BY account_id
    ),
    expected AS (
      SELECT t.table_name, a.account_id, 'global' AS region FROM t CROSS JOIN accounts a WHERE t.scope = 'global'
      UNION ALL
      SELECT t.table_name, r.account_id, r.region FROM t CROSS JOIN regions r WHERE t.scope = 'regional'
    )
    SELECT e.table_name, e.account_id, e.region,
           CASE WHEN s.status = 'ok' THEN 'error' ELSE s.status END AS status,
           CASE WHEN s.status = 'ok' THEN 'the last sync could not assume its role in this account (' || u.error || '), so these rows are from ' || strftime(s.synced_at, '%Y-%m-%d %H:%M') || ' UTC'
                ELSE s.error END AS error
    FROM expected e
    LEFT JOIN sync_scopes s ON s.table_name = e.table_name AND s.account_id = e.account_id AND s.region = e.region
    LEFT JOIN unreachable u ON u.account_id = e.account_id
    WHERE s.status IS DISTINCT FROM 'ok' OR u.failed_at > s.attempted_at
    ORDER BY e.table_name, e.account_id, e.region`);
  for (const [table, account, region, status, error] of reader.getRowsJS() as Array<[string, string, string, string | null, string | null]>) {
    const list = byTable.get(table) ?? [];
    list.push({ table, account_id: account, region, kind: status === null ? 'missing' : 'error', error });
    byTable.set(table, list);
  }
  return byTable;
}

/** One line for a control's reason: which data could not be trusted, grouped by table, a few scopes each. */
export function describeScopeProblems(problems: readonly ScopeProblem[]): string {
  const byTable = new Map<string, ScopeProblem[]>();
  for (const p of problems) byTable.set(p.table, [...(byTable.get(p.table) ?? []), p]);
  const parts: string[] = [];
  for (const [table, list] of byTable) {
    const failed = list.filter((p) => p.kind === 'error');
    const missing = list.filter((p) => p.kind === 'missing');
    const where = (ps: ScopeProblem[]) => ps.slice(0, 3).map((p) => `${p.account_id}/${p.region}`).join(', ') + (ps.length > 3 ? ` and ${ps.length - 3} more` : '');
    if (failed.length) parts.push(`${table} failed to sync in ${where(failed)}${failed[0]!.error ? ` (${failed[0]!.error})` : ''}`);
    if (missing.length) parts.push(`${table} was never synced in ${where(missing)}`);
  }
  return parts.join('; ');
}
