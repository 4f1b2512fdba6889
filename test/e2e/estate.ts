import { evaluateBenchmark } from '../../controls/engine.js';
import type { ScanReport, Status } from '../../controls/types.js';
import type { Database } from '../../schema/db.js';
import { inventoryTables } from '../../schema/inventory.js';
import type { SyncResult } from '../../sync/runner.js';
import { BAD } from '../../testkit/cis-accounts.js';

/**
 * What the CIS end-to-end describes share: one moto_server seeded with the two accounts of
 * testkit/cis-accounts.ts, one sync of both, and each benchmark evaluated once on it. One setup for every
 * benchmark keeps the suite to a single seeding and sync (cis.test.ts owns it).
 */
export interface Estate {
  db: Database;
  sync: SyncResult;
  /** Each benchmark evaluated on both accounts. */
  reports: Record<string, ScanReport>;
  /** The same benchmarks evaluated again once the bad account's data is removed (goodAlone), last. */
  goodOnly: Record<string, ScanReport>;
}

export function statusOf(r: ScanReport, id: string): Status {
  const c = r.controls.find((x) => x.id === id);
  if (!c) throw new Error(`no requirement ${id} in ${r.benchmark.id}`);
  return c.status;
}

export function failingAccounts(r: ScanReport, id: string): string[] {
  return [...new Set(r.controls.find((x) => x.id === id)!.resources.map((f) => f.account_id))].sort();
}

/** "id: STATUS accounts reason" for requirements that are not FAIL in exactly the bad account: empty when all are. */
export function notFailingInBadOnly(r: ScanReport, ids: string[]): string[] {
  return ids
    .filter((id) => statusOf(r, id) !== 'FAIL' || failingAccounts(r, id).join() !== BAD)
    .map((id) => `${id}: ${statusOf(r, id)} ${failingAccounts(r, id).join(',')} ${r.controls.find((c) => c.id === id)!.reason}`);
}

/** The resource ids a requirement reports, sorted. */
export function findingIds(r: ScanReport, id: string): string[] {
  return r.controls.find((x) => x.id === id)!.resources.map((f) => f.resource_id).sort();
}

/**
 * Removes the bad account from the inventory and evaluates the benchmarks again: what is left is the good
 * account's own result. Runs last, after every describe that reads the two-account reports.
 */
export async function goodAlone(db: Database, benchmarkIds: string[]): Promise<Record<string, ScanReport>> {
  await db.write(async (tx) => {
    for (const t of inventoryTables) await tx.run(`DELETE FROM "${t.name}" WHERE account_id = ?`, [BAD]);
    await tx.run('DELETE FROM sync_scopes WHERE account_id = ?', [BAD]);
  });
  const out: Record<string, ScanReport> = {};
  for (const id of benchmarkIds) out[id] = await evaluateBenchmark({ db, benchmarkId: id, trigger: 'test' });
  return out;
}
