import { randomUUID } from 'node:crypto';
import type { Database } from '../schema/db.js';
import { kyselyOf } from '../schema/kysely.js';

export type RunTrigger = 'due' | 'missed' | 'manual' | 'cli';
export type RunStatus = 'running' | 'ok' | 'failed' | 'skipped';

export interface ScheduleRun {
  id: string;
  schedule_id: string | null;
  benchmark_id: string;
  trigger: RunTrigger;
  scheduled_for: string | null;
  started_at: string;
  finished_at: string | null;
  status: RunStatus;
  scan_id: string | null;
  sync_run_id: string | null;
  score: number | null;
  previous_score: number | null;
  alert_id: string | null;
  error: string | null;
}

export interface RunOutcome {
  scan_id?: string | null;
  sync_run_id?: string | null;
  score?: number | null;
  previous_score?: number | null;
  alert_id?: string | null;
  error?: string | null;
}

export async function startRun(db: Database, r: { schedule_id: string | null; benchmark_id: string; trigger: RunTrigger; scheduled_for: Date | null; started_at: Date; status?: RunStatus; error?: string }): Promise<string> {
  const id = randomUUID();
  const status = r.status ?? 'running';
  const row = {
    id, schedule_id: r.schedule_id, benchmark_id: r.benchmark_id, trigger: r.trigger, scheduled_for: r.scheduled_for, started_at: r.started_at,
    finished_at: status === 'running' ? null : r.started_at, status, error: r.error ?? null,
  };
  await db.write((tx) => kyselyOf(tx).insertInto('schedule_runs').values(row).execute());
  return id;
}

export async function finishRun(db: Database, id: string, status: 'ok' | 'failed', finishedAt: Date, o: RunOutcome): Promise<void> {
  const change = {
    status, finished_at: finishedAt, scan_id: o.scan_id ?? null, sync_run_id: o.sync_run_id ?? null, score: o.score ?? null,
    previous_score: o.previous_score ?? null, alert_id: o.alert_id ?? null, error: o.error ?? null,
  };
  await db.write((tx) => kyselyOf(tx).updateTable('schedule_runs').set(change).where('id', '=', id).execute());
}

/** Runs left 'running' by a server that stopped mid-run are closed as failed, so history never shows a phantom. */
export async function closeInterruptedRuns(db: Database, now: Date): Promise<number> {
  const rows = await kyselyOf(db).selectFrom('schedule_runs').select('id').where('status', '=', 'running').execute();
  if (!rows.length) return 0;
  await db.write((tx) =>
    kyselyOf(tx)
      .updateTable('schedule_runs')
      .set({ status: 'failed', finished_at: now, error: 'interrupted: the server stopped during the run' })
      .where('status', '=', 'running')
      .execute(),
  );
  return rows.length;
}

export async function listRuns(db: Database, options: { scheduleId?: string; limit?: number } = {}): Promise<ScheduleRun[]> {
  const limit = Math.max(1, Math.min(1000, Math.floor(options.limit ?? 50)));
  let query = kyselyOf(db).selectFrom('schedule_runs').selectAll();
  if (options.scheduleId) query = query.where('schedule_id', '=', options.scheduleId);
  // trigger and status are VARCHAR in the table; only RunTrigger / RunStatus values are written (startRun, finishRun).
  return query.orderBy('started_at', 'desc').orderBy('id').limit(limit).$castTo<ScheduleRun>().execute();
}
