import { NOT_VERIFIABLE } from '../../controls/verifiable.js';

/**
 * Drift before apply: per requirement, the latest live scan's status of the same benchmark beside the plan's.
 *
 * - "plan fixes": live FAIL, plan PASS.
 * - "plan breaks": live PASS, plan FAIL.
 * - "same": both statuses equal (PASS/PASS, FAIL/FAIL, MANUAL/MANUAL…).
 * - "unknown": the plan cannot show it (NOT VERIFIABLE), there is no live scan or no live verdict, or any other
 *   pair (an ERROR on either side, SKIP beside PASS): nothing can be said about what apply changes.
 *
 * A plan describes its own resources: "plan fixes" means the plan's resources pass where the live account fails,
 * not that apply fixes resources the plan does not manage.
 */
export type DriftLabel = 'plan fixes' | 'plan breaks' | 'same' | 'unknown';
export const driftLabels: readonly DriftLabel[] = ['plan fixes', 'plan breaks', 'same', 'unknown'];

export function driftLabel(live: string | null, plan: string): DriftLabel {
  if (live === null || plan === NOT_VERIFIABLE || live === NOT_VERIFIABLE) return 'unknown';
  if (live === 'FAIL' && plan === 'PASS') return 'plan fixes';
  if (live === 'PASS' && plan === 'FAIL') return 'plan breaks';
  if (live === plan && live !== 'ERROR') return 'same';
  return 'unknown';
}

export interface LiveScan {
  id: string;
  finished_at: string | null;
  /** Requirement id → status in that scan. */
  statuses: Map<string, string>;
}

/** What drift needs from a database: the live file (opened read-only) or the server's read pool. */
export interface StatusReader {
  all<T>(sql: string, params?: Array<string | number | null>): Promise<T[]>;
}

/**
 * The latest complete live scan of the benchmark, or null. A file from before migration 50 has no `source`
 * column: all its scans are live.
 */
export async function latestLiveScan(db: StatusReader, benchmarkId: string): Promise<LiveScan | null> {
  const hasSource = (await db.all<{ n: number }>(
    `SELECT count(*) AS n FROM duckdb_columns() WHERE database_name = current_database() AND table_name = 'scans' AND column_name = 'source'`,
  ))[0]!.n > 0;
  const [scan] = await db.all<{ id: string; finished_at: string | null }>(
    `SELECT id, finished_at FROM scans WHERE benchmark_id = ? AND status = 'complete' ${hasSource ? `AND coalesce(source, 'aws') = 'aws'` : ''}
     ORDER BY started_at DESC LIMIT 1`,
    [benchmarkId],
  );
  if (!scan) return null;
  const rows = await db.all<{ control_id: string; status: string }>('SELECT control_id, status FROM control_results WHERE scan_id = ?', [scan.id]);
  return { id: scan.id, finished_at: scan.finished_at, statuses: new Map(rows.map((r) => [r.control_id, r.status])) };
}

export interface DriftRow {
  id: string;
  title: string;
  section: string;
  plan_status: string;
  live_status: string | null;
  drift: DriftLabel;
}

export interface Drift {
  live_scan: { id: string; finished_at: string | null } | null;
  counts: Record<DriftLabel, number>;
  controls: DriftRow[];
}

export function planDrift(controls: ReadonlyArray<{ id: string; title: string; section: string; status: string }>, live: LiveScan | null): Drift {
  const rows = controls.map((c) => {
    const liveStatus = live?.statuses.get(c.id) ?? null;
    return { id: c.id, title: c.title, section: c.section, plan_status: c.status, live_status: liveStatus, drift: driftLabel(liveStatus, c.status) };
  });
  const counts = Object.fromEntries(driftLabels.map((l) => [l, rows.filter((r) => r.drift === l).length])) as Record<DriftLabel, number>;
  return { live_scan: live ? { id: live.id, finished_at: live.finished_at } : null, counts, controls: rows };
}
