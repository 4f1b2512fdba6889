import type { Database } from '../../schema/db.js';
import { kyselyOf } from '../../schema/kysely.js';
import { inventoryTables } from '../../schema/inventory.js';
import { quoteIdent } from '../../schema/table.js';
import { ExceptionMatcher } from './match.js';
import type { Exception } from './model.js';

/**
 * The exceptions that apply to an evaluation starting at `now`: not revoked and expiring after `now` (an expired
 * one stops applying at the first evaluation at or after its expiry), oldest first so the same one wins every time.
 */
export async function exceptionsInForce(db: Database, now: Date): Promise<Exception[]> {
  const rows = await kyselyOf(db)
    .selectFrom('exceptions')
    .selectAll()
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows as Exception[];
}

/**
 * A matcher for the evaluation. Tags come from the inventory: every table with a `tags` column ({key: value} JSON)
 * is read for its resource ids, only when some exception in force has a tag scope.
 */
export async function exceptionMatcher(db: Database, now: Date): Promise<ExceptionMatcher | null> {
  const inForce = await exceptionsInForce(db, now);
  if (inForce.length === 0) return null;
  if (!inForce.some((e) => e.tag_key)) return new ExceptionMatcher(inForce);
  const known = new Set((await db.all<{ t: string }>('SELECT table_name AS t FROM duckdb_tables() WHERE NOT temporary')).map((r) => r.t));
  const tags = new Map<string, Record<string, string>>();
  for (const t of inventoryTables) {
    if (!known.has(t.name) || !t.columns.some((c) => c.name === 'tags')) continue;
    const rows = await db.all<{ id: string | null; account_id: string; tags: string | null }>(
      `SELECT CAST(${quoteIdent(t.resourceId)} AS VARCHAR) AS id, account_id, CAST(tags AS VARCHAR) AS tags FROM ${quoteIdent(t.name)} WHERE tags IS NOT NULL`,
    );
    for (const r of rows) if (r.id && r.tags) tags.set(`${r.account_id}\u0000${r.id}`, JSON.parse(r.tags) as Record<string, string>);
  }
  return new ExceptionMatcher(inForce, (resourceId, accountId) => tags.get(`${accountId}\u0000${resourceId}`));
}
