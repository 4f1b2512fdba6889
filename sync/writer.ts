import type { AppendOptions, Database, Transaction } from '../schema/db.js';
import { kyselyOf } from '../schema/kysely.js';
import type { TableDef } from '../schema/table.js';
import type { Collected } from './types.js';

export interface ScopeError {
  operation: string;
  table: string;
  resourceId?: string;
  code: string;
  message: string;
}

interface ScopeWrite {
  runId: string;
  accountId: string;
  /** A region, or 'global': a global scope replaces the account's rows whatever region they carry (S3 buckets). */
  region: string;
  tables: readonly TableDef[];
  collected: Collected;
  now: Date;
  errors: readonly ScopeError[];
  /** How rows reach DuckDB (schema/db.ts AppendOptions); default: the appender. */
  via?: AppendOptions['via'];
}

/**
 * Replaces one account/region's rows of every table a collector fills, in one transaction: a crash or kill
 * mid-write leaves the previous complete state. Item-level errors mark the scope in error (rows are fresh but
 * incomplete), so checks over it report ERROR rather than a clean PASS.
 */
export async function writeScope(db: Database, w: ScopeWrite): Promise<number> {
  let written = 0;
  await db.write(async (tx) => {
    written = 0; // a lake runs this again after a conflicting commit (schema/lake-retry.ts)
    for (const table of w.tables) {
      const rows = w.collected[table.name] ?? [];
      await deleteScope(tx, table.name, w.accountId, w.region);
      written += await tx.append(table.name, table.columns, rows, { account_id: w.accountId, region: w.region, synced_at: w.now }, { via: w.via });
      const tableErrors = w.errors.filter((e) => e.table === table.name);
      await upsertScope(tx, {
        accountId: w.accountId,
        region: w.region,
        table: table.name,
        status: tableErrors.length ? 'error' : 'ok',
        stale: false,
        rowCount: rows.length,
        syncedAt: w.now,
        runId: w.runId,
        error: tableErrors.length ? summarise(tableErrors) : null,
      });
    }
  });
  return written;
}

/** The collection failed: keep the previous rows, mark them stale, and remember why. */
export async function recordScopeFailure(db: Database, w: Omit<ScopeWrite, 'collected'>): Promise<void> {
  await db.write(async (tx) => {
    for (const table of w.tables) {
      // Update the scope's row if it has one, else insert it: no ON CONFLICT, which a lake cannot do (it has no
      // keys, schema/lake-ddl.ts). The earlier rows and their synced_at stay: they are what the table still holds.
      const key = { account_id: w.accountId, region: w.region, table_name: table.name };
      const k = kyselyOf(tx);
      const updated = await k
        .updateTable('sync_scopes')
        .set({ status: 'error', stale: true, attempted_at: w.now, run_id: w.runId, error: summarise(w.errors) })
        .where('account_id', '=', key.account_id).where('region', '=', key.region).where('table_name', '=', key.table_name)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) > 0) continue;
      await k
        .insertInto('sync_scopes')
        .values({ ...key, status: 'error', stale: true, row_count: null, synced_at: null, attempted_at: w.now, run_id: w.runId, error: summarise(w.errors) })
        .execute();
    }
  });
}

async function deleteScope(tx: Transaction, table: string, accountId: string, region: string): Promise<void> {
  if (region === 'global') await tx.run(`DELETE FROM "${table}" WHERE account_id = ?`, [accountId]);
  else await tx.run(`DELETE FROM "${table}" WHERE account_id = ? AND region = ?`, [accountId, region]);
}

/** What a scope's row records: its collection (a sync, or a Terraform plan loaded as one). */
export interface ScopeRecord {
  accountId: string;
  region: string;
  table: string;
  status: string;
  stale: boolean;
  rowCount: number;
  syncedAt: Date;
  runId: string;
  error: string | null;
}

/** Records a scope's collection (a sync, or a Terraform plan loaded as one): the rows now in its table are from `syncedAt`. */
export async function upsertScope(tx: Transaction, s: ScopeRecord): Promise<void> {
  await upsertScopes(tx, [s]);
}

/** Records many scopes in two statements (a Terraform plan marks every inventory table collected at once). */
export async function upsertScopes(tx: Transaction, scopes: readonly ScopeRecord[]): Promise<void> {
  if (scopes.length === 0) return;
  // Replace each scope's row: delete-then-insert in the caller's transaction rather than ON CONFLICT, which a lake
  // cannot do (it has no keys, schema/lake-ddl.ts); the file store gets the same result.
  const k = kyselyOf(tx);
  await k
    .deleteFrom('sync_scopes')
    .where((eb) => eb.or(scopes.map((s) => eb.and([eb('account_id', '=', s.accountId), eb('region', '=', s.region), eb('table_name', '=', s.table)]))))
    .execute();
  await k
    .insertInto('sync_scopes')
    .values(scopes.map((s) => ({
      account_id: s.accountId, region: s.region, table_name: s.table, status: s.status, stale: s.stale, row_count: s.rowCount, synced_at: s.syncedAt,
      attempted_at: s.syncedAt, run_id: s.runId, error: s.error,
    })))
    .execute();
}

function summarise(errors: readonly ScopeError[]): string {
  const first = errors[0];
  if (!first) return 'collection failed';
  const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : '';
  return `${first.operation}${first.resourceId ? ` on ${first.resourceId}` : ''}: ${first.code}: ${first.message}${more}`;
}
