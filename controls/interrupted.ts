import { sql } from 'kysely';
import type { Database } from '../schema/db.js';
import { kyselyOf } from '../schema/kysely.js';
import { deleteScanFindings } from '../schema/migration-check-findings.js';
import { currentOwner, isCurrentProcess, isOwnerAlive } from '../schema/owner.js';

interface RunningRow {
  kind: 'scan' | 'sync';
  id: string;
  owner_pid: number | null;
  owner_host: string | null;
  owner_started_at: string | null;
}

export interface InterruptedRuns {
  scans: string[];
  syncRuns: string[];
}

/**
 * Closes the scans and sync runs whose process is gone: status `interrupted`, finished now, with why; the partial
 * findings of an interrupted scan are deleted (its control results are written only at completion, so there are
 * none), and retention can prune the rows like any other finished run.
 *
 * Only the caller holding the file for writing may call this, and DuckDB's lock is exclusive: no other process can
 * be writing the file right now, so a `running` row not owned by this process belongs to a process that has ended
 * (rows written before owners were recorded, or on another host sharing the file, included). An owner on this
 * host is still checked for being alive, as a guard should the lock ever be shared.
 */
export async function closeInterruptedRuns(db: Database): Promise<InterruptedRuns> {
  const rows = await db.all<RunningRow>(
    `SELECT 'scan' AS kind, id, owner_pid, owner_host, owner_started_at FROM scans WHERE status = 'running'
     UNION ALL
     SELECT 'sync' AS kind, id, owner_pid, owner_host, owner_started_at FROM sync_runs WHERE status = 'running'`,
  );
  const gone = rows.filter((r) => {
    const owner = { pid: r.owner_pid, host: r.owner_host, startedAt: r.owner_started_at ? new Date(`${r.owner_started_at.replace(/Z?$/, 'Z')}`) : null };
    // A lake has no exclusive lock: other workers, on other hosts, write it right now. Only an owner on this host
    // can be known to be gone; the others' rows stay `running` until a command on their host closes them.
    if (db.lake && owner.host !== currentOwner().host) return false;
    return !isCurrentProcess(owner) && !isOwnerAlive(owner);
  });
  const result: InterruptedRuns = { scans: gone.filter((r) => r.kind === 'scan').map((r) => r.id), syncRuns: gone.filter((r) => r.kind === 'sync').map((r) => r.id) };
  if (gone.length === 0) return result;
  const now = sql<string>`now()`;
  await db.write(async (tx) => {
    const k = kyselyOf(tx);
    for (const r of gone) {
      const why = `interrupted: the process that ran it (${r.owner_pid !== null ? `pid ${r.owner_pid} on ${r.owner_host}` : 'owner not recorded'}) ended before it finished`;
      if (r.kind === 'scan') {
        await deleteScanFindings(tx, '(?)', [r.id]);
        await k.deleteFrom('control_results').where('scan_id', '=', r.id).execute();
        await k.updateTable('scans').set({ status: 'interrupted', finished_at: now, error_message: why }).where('id', '=', r.id).where('status', '=', 'running').execute();
      } else {
        await k.updateTable('sync_runs').set({ status: 'interrupted', finished_at: now, message: why }).where('id', '=', r.id).where('status', '=', 'running').execute();
      }
    }
  });
  return result;
}
