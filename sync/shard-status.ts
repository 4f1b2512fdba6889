import type { Database } from '../schema/db.js';

export interface ShardState {
  index: number;
  /** The shard's latest run in the group: ok | partial | failed | timed_out | running | interrupted; 'not started' without one. */
  status: string;
  runId: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  accounts: number;
  resources: number | null;
  errors: number | null;
}

export interface ShardedRun {
  group: string;
  count: number;
  shards: ShardState[];
  /** Every shard has a finished latest run (whatever its status). */
  finished: boolean;
}

/**
 * Which shards of the latest sharded run (`calabi sync --shard I/N`, sync/shard.ts) have finished: for each shard
 * of the group that started last, its latest run. A shard whose worker has not started yet shows as 'not started';
 * one whose worker died shows 'running' until a command on its host closes it as interrupted.
 */
export async function latestShardedRun(db: Database, group?: string): Promise<ShardedRun | undefined> {
  const latest = await db.one<{ shard_group: string; shard_count: number }>(
    `SELECT shard_group, shard_count FROM sync_runs WHERE shard_group IS NOT NULL ${group !== undefined ? 'AND shard_group = ?' : ''}
     ORDER BY started_at DESC LIMIT 1`,
    group !== undefined ? [group] : [],
  );
  if (!latest) return undefined;
  const rows = await db.all<{ id: string; shard_index: number; status: string; started_at: string; finished_at: string | null; accounts: string[] | null; resources: number | null; error_count: number | null }>(
    `SELECT id, shard_index, status, started_at, finished_at, accounts, resources, error_count FROM sync_runs
     WHERE shard_group = ? AND shard_count = ?
     QUALIFY row_number() OVER (PARTITION BY shard_index ORDER BY started_at DESC) = 1`,
    [latest.shard_group, latest.shard_count],
  );
  const byIndex = new Map(rows.map((r) => [r.shard_index, r]));
  const shards: ShardState[] = [];
  for (let index = 0; index < latest.shard_count; index++) {
    const r = byIndex.get(index);
    shards.push(
      r
        ? { index, status: r.status, runId: r.id, startedAt: r.started_at, finishedAt: r.finished_at, accounts: r.accounts?.length ?? 0, resources: r.resources, errors: r.error_count }
        : { index, status: 'not started', runId: null, startedAt: null, finishedAt: null, accounts: 0, resources: null, errors: null },
    );
  }
  return { group: latest.shard_group, count: latest.shard_count, shards, finished: shards.every((s) => s.finishedAt !== null) };
}
