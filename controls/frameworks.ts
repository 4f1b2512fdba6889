import type { Catalog } from './loader.js';
import { benchmarksInOrder } from './benchmarks.js';
import { scoreFormula } from './score.js';

/** What the frameworks view reads with: a Database or the API's read pool. */
export interface Rows {
  all<T>(sql: string, params?: Array<string | number | null>): Promise<T[]>;
}

export interface FrameworkPosture {
  id: string;
  title: string;
  version: string;
  requirements: number;
  /** The latest complete live scan of the benchmark (IaC scans are not the estate's posture); null: never evaluated. */
  scan_id: string | null;
  evaluated_at: string | null;
  /** The sync whose inventory the scan read: the one it followed, or the last one started before it; null when none is recorded. */
  inventory_sync_id: string | null;
  score: number | null;
  pass: number;
  fail: number;
  error: number;
  skip: number;
  manual: number;
  failed_by_severity: { critical: number; high: number; medium: number; low: number };
}

export interface FrameworksPosture {
  score_formula: string;
  frameworks: FrameworkPosture[];
  /** Every evaluated benchmark read the same sync: the columns compare one inventory. False when any differs or is unknown. */
  same_inventory: boolean;
  /** Why the columns may not compare one inventory, and what to run; null when they do. */
  note: string | null;
}

/** The latest complete live scan of each benchmark (a Terraform plan's scan is not the estate's posture). */
export const latestLiveScans = `SELECT * FROM scans WHERE status = 'complete' AND coalesce(source, 'aws') <> 'terraform'
  QUALIFY row_number() OVER (PARTITION BY benchmark_id ORDER BY started_at DESC, id DESC) = 1`;

interface LatestRow {
  benchmark_id: string; id: string; finished_at: string | null; score: number | null; pass: number; fail: number; error: number; skip: number; manual: number;
  inventory_sync_id: string | null;
}

/**
 * Every benchmark of the catalogue side by side, from the latest complete live scan of each: score, counts and
 * failed requirements by severity. Says when they were not all evaluated over the same sync, since a column from
 * last week's inventory beside one from today's compares two estates.
 */
export async function frameworksPosture(q: Rows, catalog: Catalog): Promise<FrameworksPosture> {
  const latest = await q.all<LatestRow>(
    `WITH latest AS (${latestLiveScans})
     SELECT s.benchmark_id, s.id, CAST(s.finished_at AS VARCHAR) AS finished_at, s.score, s.pass, s.fail, s.error, s.skip, s.manual,
            coalesce(s.sync_run_id, (SELECT r.id FROM sync_runs r WHERE r.started_at <= s.started_at ORDER BY r.started_at DESC, r.id DESC LIMIT 1)) AS inventory_sync_id
     FROM latest s`,
  );
  const byBenchmark = new Map(latest.map((r) => [r.benchmark_id, r]));
  const severities = await q.all<{ scan_id: string; severity: string; n: number }>(
    `WITH latest AS (${latestLiveScans})
     SELECT c.scan_id, c.severity, CAST(count(*) AS INTEGER) AS n FROM control_results c JOIN latest l ON l.id = c.scan_id
     WHERE c.status = 'FAIL' AND c.severity IS NOT NULL GROUP BY ALL`,
  );
  const frameworks = benchmarksInOrder(catalog).map((b): FrameworkPosture => {
    const s = byBenchmark.get(b.id);
    const failed = { critical: 0, high: 0, medium: 0, low: 0 };
    for (const row of severities) if (s && row.scan_id === s.id && row.severity in failed) failed[row.severity as keyof typeof failed] = Number(row.n);
    return {
      id: b.id, title: b.title, version: b.version, requirements: b.requirements.length,
      scan_id: s?.id ?? null, evaluated_at: s?.finished_at ?? null, inventory_sync_id: s?.inventory_sync_id ?? null,
      score: s?.score ?? null, pass: Number(s?.pass ?? 0), fail: Number(s?.fail ?? 0), error: Number(s?.error ?? 0), skip: Number(s?.skip ?? 0), manual: Number(s?.manual ?? 0),
      failed_by_severity: failed,
    };
  });
  const evaluated = frameworks.filter((f) => f.scan_id !== null);
  const syncs = new Set(evaluated.map((f) => f.inventory_sync_id));
  const same = evaluated.length > 0 && syncs.size === 1 && !syncs.has(null);
  const missing = frameworks.filter((f) => f.scan_id === null).map((f) => f.id);
  const note = evaluated.length === 0
    ? 'No benchmark has been evaluated yet. Evaluate them all at once: calabi evaluate all'
    : !same || missing.length
      ? [
          !same ? (syncs.has(null) ? 'Some scans name no sync, so they may not read the same inventory.' : `The latest scans read ${syncs.size} different syncs, so the columns compare different inventories.`) : '',
          missing.length ? `Never evaluated: ${missing.join(', ')}.` : '',
          'Evaluate every benchmark over one inventory at once: calabi evaluate all',
        ].filter(Boolean).join(' ')
      : null;
  return { score_formula: scoreFormula, frameworks, same_inventory: same, note };
}
