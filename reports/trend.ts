import type { Database } from '../schema/db.js';

export interface TrendPoint {
  scan_id: string;
  started_at: string;
  score: number | null;
  /** Points against the previous complete scan of the benchmark; null for the first one or when a score is undefined. */
  change: number | null;
  pass: number;
  fail: number;
  error: number;
}

export interface TrendSeries {
  benchmark_id: string;
  points: TrendPoint[];
}

/**
 * Score over time per benchmark, oldest first, from the complete scans of the last `days` days. Stays SQL: the
 * change is a window over all complete scans (before the cut-off too) in (started_at, id) order — the same "previous
 * scan" as schema/scans.ts's previousScan, in one pass instead of one lookup per point.
 */
export async function trend(db: Database, options: { benchmarkId?: string; days?: number; now?: Date } = {}): Promise<TrendSeries[]> {
  const since = new Date((options.now ?? new Date()).getTime() - (options.days ?? 90) * 86_400_000);
  const rows = await db.all<TrendPoint & { benchmark_id: string }>(
    `SELECT benchmark_id, id AS scan_id, started_at, score, coalesce(pass, 0) AS pass, coalesce(fail, 0) AS fail, coalesce(error, 0) AS error,
            round(score - lag(score) OVER (PARTITION BY benchmark_id ORDER BY started_at, id), 2) AS change
     FROM scans WHERE status = 'complete' ${options.benchmarkId ? 'AND benchmark_id = ?' : ''}
     QUALIFY started_at >= ?
     ORDER BY benchmark_id, started_at, id`,
    options.benchmarkId ? [options.benchmarkId, since] : [since],
  );
  const series = new Map<string, TrendPoint[]>();
  for (const { benchmark_id, ...p } of rows) {
    if (!series.has(benchmark_id)) series.set(benchmark_id, []);
    series.get(benchmark_id)!.push(p);
  }
  return [...series].map(([benchmark_id, points]) => ({ benchmark_id, points }));
}
