import { randomUUID } from 'node:crypto';
import type { Database } from '../schema/db.js';

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
  await db.write((tx) =>
    tx.run(
      `INSERT INTO schedule_runs (id, schedule_id, benchmark_id, trigger, scheduled_for, started_at, finished_at, status, error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, r.schedule_id, r.benchmark_id, r.trigger, r.scheduled_for, r.started_at, status === 'running' ? null : r.started_at, status, r.error ?? null],
    ),
  );
  return id;
}

export async function finishRun(db: Database, id: string, status: 'ok' | 'failed', finishedAt: Date, o: RunOutcome): Promise<void> {
  await db.write((tx) =>
    tx.run(
      `UPDATE schedule_runs SET status = ?, finished_at = ?, scan_id = ?, sync_run_id = ?, score = ?, previous_score = ?, alert_id = ?, error = ?
       WHERE id = ?`,
      [status, finishedAt, o.scan_id ?? null, o.sync_run_id ?? null, o.score ?? null, o.previous_score ?? null, o.alert_id ?? null, o.error ?? null, id],
    ),
  );
}

/** Runs left 'running' by a server that stopped mid-run are closed as failed, so history never shows a phantom. */
export async function closeInterruptedRuns(db: Database, now: Date): Promise<number> {
  const rows = await db.all<{ id: string }>("SELECT id FROM schedule_runs WHERE status = 'running'");
  if (!rows.length) return 0;
  await db.write((tx) =>
    tx.run("UPDATE schedule_runs SET status = 'failed', finished_at = ?, error = 'interrupted: the server stopped during the run' WHERE status = 'running'", [now]),
  );
  return rows.length;
}

export async function listRuns(db: Database, options: { scheduleId?: string; limit?: number } = {}): Promise<ScheduleRun[]> {
  const limit = Math.max(1, Math.min(1000, Math.floor(options.limit ?? 50)));
  return db.all<ScheduleRun>(
    `SELECT * FROM schedule_runs ${options.scheduleId ? 'WHERE schedule_id = ?' : ''} ORDER BY started_at DESC, id LIMIT ${limit}`,
    options.scheduleId ? [options.scheduleId] : [],
  );
}
