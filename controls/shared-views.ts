import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../schema/table.js';
import { CheckTimer } from './check-timer.js';
import type { Check } from './types.js';

/**
 * Views that many checks of one scan read and that cost far more to build than to read: the CIS monitoring chain
 * (calabi_cis_monitoring_chain, schema/sql-objects.ts) is the same joins for all fifteen 4.x checks, about five
 * times the CPU of one check when built for all of them at once, and fifteen times when each check builds it.
 * The engine materialises such a view once, as a connection-local TEMP TABLE of the same name, on the
 * connection that then runs every check reading it: DuckDB resolves the view's name (inside macros too) to the
 * temp schema first, so the checks' SQL runs unchanged and still runs as-is in the duckdb shell. Built after the
 * scope views (scope-views.ts), it holds only rows in scope.
 */
const sharedViews = ['calabi_cis_monitoring_chain'] as const;

/** The macros that read a shared view: a check calling one reads the view. */
const readers: Record<(typeof sharedViews)[number], RegExp> = {
  calabi_cis_monitoring_chain: /\bcalabi_cis_monitoring_(chain|failures)\b/i,
};

/** The checks that read some shared view; they should run on the connection that materialised it. */
export function readsSharedView(check: Pick<Check, 'sql'>): boolean {
  return sharedViews.some((v) => readers[v].test(check.sql));
}

/**
 * Materialises each shared view the checks read, on `conn`. When building one fails or runs past the check time
 * limit, nothing is materialised: each check then reads the view itself and reports that failure or timeout as
 * its own outcome (an ERROR naming the check), exactly as without this step.
 */
export async function materialiseSharedViews(conn: DuckDBConnection, checks: readonly Pick<Check, 'sql'>[], timeoutMs: number): Promise<void> {
  const catalog = String((await conn.runAndReadAll('SELECT current_database()')).getRowsJS()[0]?.[0]);
  for (const view of sharedViews) {
    if (!checks.some((c) => readers[view].test(c.sql))) continue;
    const timer = new CheckTimer(conn, timeoutMs);
    let built = true;
    try {
      await conn.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(view)} AS SELECT * FROM ${quoteIdent(catalog)}.main.${quoteIdent(view)}`);
    } catch {
      // Deliberately not reported here: every check reading the view meets the same error (or timeout) and
      // reports it as its own outcome.
      built = false;
    } finally {
      timer.stop();
    }
    if (!built) await conn.run(`DROP TABLE IF EXISTS temp.${quoteIdent(view)}`);
  }
}
