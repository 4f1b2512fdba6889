import type { Database } from '../schema/db.js';
import { quoteLiteral } from '../schema/table.js';
import type { Catalog, LoadedBenchmark } from './loader.js';

/**
 * The age of the data behind a scan: the oldest `sync_scopes.synced_at` among the scopes of every table the
 * benchmark's checks read, for the accounts and regions in scope (aws_accounts, aws_regions). A stale scope (its
 * last collection failed) keeps the time its rows were collected, so it is what makes the data old. A table
 * never synced has no time and adds nothing here (its requirements are ERROR already). Stored with the scan
 * (scans.oldest_data_at), so history keeps it. Null when no scope of those tables was ever synced.
 */
export async function oldestDataAt(db: Database, catalog: Catalog, benchmark: LoadedBenchmark): Promise<Date | null> {
  const tables = new Set<string>();
  for (const r of benchmark.requirements) {
    if (r.assessment !== 'Automated') continue;
    for (const id of r.checks) for (const t of catalog.checks.get(id)?.tables ?? []) tables.add(t);
  }
  if (tables.size === 0) return null;
  const values = [...tables].sort().map((t) => `(${quoteLiteral(t)})`).join(', ');
  const row = await db.one<{ oldest: string | null }>(`
    WITH t(table_name) AS (VALUES ${values})
    SELECT min(s.synced_at) AS oldest
    FROM sync_scopes s JOIN t USING (table_name)
    WHERE s.synced_at IS NOT NULL
      AND s.account_id IN (SELECT account_id FROM aws_accounts)
      AND (s.region = 'global' OR EXISTS (SELECT 1 FROM aws_regions r WHERE r.account_id = s.account_id AND r.region = s.region))`);
  return row?.oldest ? new Date(row.oldest) : null;
}
