import { normaliseTitle } from '../controls/requirement-title.js';
import type { StatusCounts } from '../controls/types.js';
import type { Database } from '../schema/db.js';
import { controlResults } from '../schema/control-results.js';
import { resolveScan, ScanNotFoundError, type Scan } from '../schema/scans.js';

export { defaultCompareBenchmarks } from './compare-defaults.js';

export interface CompareColumn extends StatusCounts {
  benchmark_id: string;
  title: string | null;
  version: string | null;
  scan_id: string;
  started_at: string;
  sync_run_id: string | null;
  score: number | null;
}

export interface RequirementCell {
  id: string;
  title: string | null;
  status: string;
  affected_count: number;
}

export interface CompareRow {
  check_id: string;
  /** benchmark id → the requirement(s) that map this check, with their status in that benchmark's scan. */
  requirements: Record<string, RequirementCell[]>;
  /** Every benchmark maps the check and every mapped requirement has the same status. */
  agrees: boolean;
  /** A requirement mapping this check has the same title in another version, which maps other checks. */
  meaning_changed: boolean;
}

/** One requirement (by title) that versions map to different checks: its meaning changed between them. */
export interface ChangedRequirement {
  title: string;
  /** benchmark id → that version's requirement id and the checks it maps. */
  versions: Record<string, { id: string; checks: string[] }>;
}

export interface VersionComparison {
  benchmarks: CompareColumn[];
  /** All scans evaluated the same sync run, so differences come from the benchmarks, not from the inventory. */
  same_inventory: boolean;
  rows: CompareRow[];
  /** Requirements whose title several versions share but map to different checks (a threshold or scope changed). */
  changed_meaning: ChangedRequirement[];
  /** benchmark id → requirements that map to no check (manual). */
  unmapped: Record<string, Array<{ id: string; title: string | null; status: string }>>;
  /** Default versions left out because they have no complete scan yet (only when the caller allowed it). */
  not_evaluated: string[];
}

export interface CompareOptions {
  /**
   * Leave out benchmarks that have no complete scan (the default set of every CIS version: a user may have
   * evaluated only some). At least two must remain. Off: a missing scan is an error naming the fix.
   */
  skipUnscanned?: boolean;
}

/**
 * Benchmark versions side by side for one inventory: the latest scan of each benchmark (or the given scans), one row
 * per check with the requirement each version maps it to and how that requirement scored, and the requirements
 * whose meaning changed (same title, different checks).
 */
export async function compareVersions(db: Database, refs: ReadonlyArray<{ benchmarkId: string; scan?: string }>, options: CompareOptions = {}): Promise<VersionComparison> {
  const scans: Scan[] = [];
  const notEvaluated: string[] = [];
  for (const r of refs) {
    try {
      scans.push(await resolveScan(db, r.scan ?? 'latest', r.benchmarkId));
    } catch (error) {
      if (!(options.skipUnscanned && !r.scan && error instanceof ScanNotFoundError)) throw error;
      notEvaluated.push(r.benchmarkId);
    }
  }
  if (scans.length < 2) {
    throw new ScanNotFoundError(
      `latest of at least two of ${refs.map((r) => r.benchmarkId).join(', ')}`,
      `Evaluate them first: \`calabi compare --evaluate\` (or \`calabi evaluate <benchmark>\` for each).`,
    );
  }
  const byCheck = new Map<string, Record<string, RequirementCell[]>>();
  const byTitle = new Map<string, ChangedRequirement>();
  const unmapped: VersionComparison['unmapped'] = {};
  for (const s of scans) {
    const rows = await controlResults(db, s.id);
    unmapped[s.benchmark_id] = [];
    for (const r of rows) {
      if (!r.check_ids.length) unmapped[s.benchmark_id]!.push({ id: r.control_id, title: r.title, status: r.status });
      for (const check of r.check_ids) {
        const cell = byCheck.get(check) ?? {};
        (cell[s.benchmark_id] ??= []).push({ id: r.control_id, title: r.title, status: r.status, affected_count: r.affected_count });
        byCheck.set(check, cell);
      }
      if (r.title) {
        const key = normaliseTitle(r.title);
        const entry = byTitle.get(key) ?? { title: r.title, versions: {} };
        entry.versions[s.benchmark_id] = { id: r.control_id, checks: [...r.check_ids].sort() };
        byTitle.set(key, entry);
      }
    }
  }
  const changed = [...byTitle.values()].filter((t) => new Set(Object.values(t.versions).map((v) => v.checks.join(','))).size > 1);
  const changedChecks = new Set(changed.flatMap((t) => Object.values(t.versions).flatMap((v) => v.checks)));
  const rows: CompareRow[] = [...byCheck.entries()]
    .map(([check_id, requirements]) => {
      const statuses = scans.map((s) => requirements[s.benchmark_id]?.map((r) => r.status) ?? []);
      const agrees = statuses.every((st) => st.length > 0) && new Set(statuses.flat()).size === 1;
      return { check_id, requirements, agrees, meaning_changed: changedChecks.has(check_id) };
    })
    .sort((a, b) => firstId(a, scans).localeCompare(firstId(b, scans), undefined, { numeric: true }) || a.check_id.localeCompare(b.check_id));
  const syncRuns = new Set(scans.map((s) => s.sync_run_id));
  return {
    benchmarks: scans.map((s) => ({
      benchmark_id: s.benchmark_id, title: s.benchmark_title, version: s.benchmark_version, scan_id: s.id, started_at: s.started_at,
      sync_run_id: s.sync_run_id, score: s.score, pass: s.pass ?? 0, fail: s.fail ?? 0, error: s.error ?? 0, skip: s.skip ?? 0, manual: s.manual ?? 0,
    })),
    same_inventory: syncRuns.size === 1 && !syncRuns.has(null),
    rows,
    changed_meaning: changed,
    unmapped,
    not_evaluated: notEvaluated,
  };
}

/** Sort rows by the requirement id in the newest benchmark that maps the check (the last column first). */
function firstId(row: CompareRow, scans: readonly Scan[]): string {
  for (let i = scans.length - 1; i >= 0; i--) {
    const r = row.requirements[scans[i]!.benchmark_id];
    if (r?.length) return r[0]!.id;
  }
  return '~';
}
