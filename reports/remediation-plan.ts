import { severityRank } from '../controls/severity.js';
import { scoreFormula, summarise } from '../controls/score.js';
import type { ControlReport, Severity, Status } from '../controls/types.js';

/**
 * The remediation plan, as pure computation over stored scans (reports/plan-data.ts reads them): which failing
 * checks to fix first, in phases, and what every selected framework would score after each phase. Nothing here is
 * estimated: a projected score is the real summary (controls/score.ts) of the scan's requirements with the statuses
 * they would have if the plan's checks so far returned no rows.
 */

/** A requirement fixed is worth this much in the ordering, by its severity in its framework (none: as low). */
export const severityWeights: Readonly<Record<Severity, number>> = Object.freeze({ critical: 8, high: 4, medium: 2, low: 1 });

/** Phases by the severity of the check to fix: critical and high first. */
export const planPhases: ReadonlyArray<{ name: string; severities: readonly Severity[] }> = [
  { name: 'Critical and high', severities: ['critical', 'high'] },
  { name: 'Medium', severities: ['medium'] },
  { name: 'Low', severities: ['low'] },
];

export interface PlanRequirement {
  id: string;
  title: string | null;
  section: string | null;
  severity: Severity | null;
  status: Status | string;
  /** Why the verdict could not be fully trusted; with every finding gone such a requirement is ERROR, not PASS. */
  error: string | null;
  /**
   * The checks that returned rows for this requirement in the scan that no exception accepted (a FAIL is fixed when
   * all of them are).
   */
  failing_checks: readonly string[];
  /** Some of its findings were accepted by an exception in the scan: fixed, it becomes EXCEPTED, not PASS. */
  excepted?: boolean;
}

export interface PlanFramework {
  benchmark_id: string;
  title: string | null;
  scan_id: string;
  started_at: string;
  sync_run_id: string | null;
  requirements: readonly PlanRequirement[];
}

export interface PlanCheckInfo {
  id: string;
  title: string;
  /** Null for a check no longer in the catalogue: it then counts as the highest of the requirements it fails. */
  severity: Severity | null;
  remediation: string[];
  /** Distinct failing resources in the plan's scan, and the first few of them. */
  resource_count: number;
  resources: Array<{ resource_id: string | null; account_id: string | null; region: string | null }>;
}

export interface PlanInput {
  /** The first is the plan's benchmark: its failing checks are the plan; the others count what fixing them gains. */
  frameworks: readonly PlanFramework[];
  checks: ReadonlyMap<string, PlanCheckInfo>;
}

export interface FixedRequirement {
  benchmark_id: string;
  id: string;
  severity: Severity | null;
  /**
   * PASS; EXCEPTED when findings an exception accepted remain (the headline score counts it as FAIL still); ERROR
   * when part of its data could not be trusted (it then needs a good sync, not a fix).
   */
  becomes: 'PASS' | 'EXCEPTED' | 'ERROR';
}

export interface PlanItem extends PlanCheckInfo {
  rank: number;
  severity: Severity;
  /** Weighted requirements this item completes, given every item before it is done. */
  gain: number;
  /** Requirements (all selected frameworks) in FAIL because of this check, whether or not it alone fixes them. */
  fails_requirements: number;
  /** The requirements fixed once this item is done (every one of their failing checks fixed by then). */
  fixes: FixedRequirement[];
}

export interface ProjectedScore {
  benchmark_id: string;
  score: number | null;
  pass: number;
  fail: number;
  error: number;
  excepted: number;
}

export interface PlanPhase {
  phase: number;
  name: string;
  severities: Severity[];
  items: PlanItem[];
  /** Every selected framework's score after this phase and all before it. */
  projected: ProjectedScore[];
}

export interface RemediationPlan {
  benchmark_id: string;
  score_formula: string;
  weights: Record<Severity, number>;
  frameworks: Array<{ benchmark_id: string; title: string | null; scan_id: string; started_at: string } & ProjectedScore>;
  /** Every scan evaluated the same sync run; otherwise the gains across frameworks compare different data. */
  same_inventory: boolean;
  phases: PlanPhase[];
}

type Key = string;
const keyOf = (benchmarkId: string, requirementId: string): Key => `${benchmarkId}\u0000${requirementId}`;
const weightOf = (s: Severity | null) => severityWeights[s ?? 'low'];

/**
 * Orders the plan benchmark's failing checks and projects every framework's score after each phase. Within a
 * phase the next item is the check whose fix completes the most weighted requirements given the items before it;
 * ties go to the check with the most weighted progress (each requirement's weight shared among its checks still
 * failing), then to the more severe check, then to the id.
 */
export function buildPlan(input: PlanInput): RemediationPlan {
  const [base] = input.frameworks;
  if (!base) throw new Error('[reports] a remediation plan needs the scan of at least one benchmark');
  const failing = new Map<Key, { fw: PlanFramework; req: PlanRequirement }>();
  const byCheck = new Map<string, Key[]>();
  for (const fw of input.frameworks) {
    for (const req of fw.requirements) {
      if (req.status !== 'FAIL' || req.failing_checks.length === 0) continue;
      const key = keyOf(fw.benchmark_id, req.id);
      failing.set(key, { fw, req });
      for (const c of new Set(req.failing_checks)) byCheck.set(c, [...(byCheck.get(c) ?? []), key]);
    }
  }
  const planChecks = [...new Set(base.requirements.filter((r) => r.status === 'FAIL').flatMap((r) => r.failing_checks))];
  const severityOf = (id: string): Severity => input.checks.get(id)?.severity ?? maxSeverity(byCheck.get(id) ?? [], failing);

  const fixed = new Set<string>();
  const done = new Set<Key>();
  const completes = (check: string): Key[] =>
    (byCheck.get(check) ?? []).filter((k) => !done.has(k) && failing.get(k)!.req.failing_checks.every((c) => c === check || fixed.has(c)));
  const progress = (check: string): number =>
    (byCheck.get(check) ?? []).filter((k) => !done.has(k)).reduce((sum, k) => {
      const { req } = failing.get(k)!;
      return sum + weightOf(req.severity) / new Set(req.failing_checks.filter((c) => !fixed.has(c))).size;
    }, 0);
  const gainOf = (keys: readonly Key[]) => keys.reduce((sum, k) => sum + weightOf(failing.get(k)!.req.severity), 0);

  const phases: PlanPhase[] = [];
  let rank = 0;
  for (const [i, p] of planPhases.entries()) {
    const remaining = planChecks.filter((c) => p.severities.includes(severityOf(c)));
    if (remaining.length === 0) continue;
    const items: PlanItem[] = [];
    while (remaining.length) {
      const scored = remaining.map((id) => ({ id, keys: completes(id), progress: progress(id) })).map((s) => ({ ...s, gain: gainOf(s.keys) }));
      scored.sort((a, b) => b.gain - a.gain || b.progress - a.progress || severityRank[severityOf(b.id)] - severityRank[severityOf(a.id)] || a.id.localeCompare(b.id));
      const best = scored[0]!;
      remaining.splice(remaining.indexOf(best.id), 1);
      fixed.add(best.id);
      for (const k of best.keys) done.add(k);
      const info = input.checks.get(best.id) ?? { id: best.id, title: best.id, severity: severityOf(best.id), remediation: [], resource_count: 0, resources: [] };
      items.push({
        ...info,
        severity: severityOf(best.id),
        rank: ++rank,
        gain: best.gain,
        fails_requirements: (byCheck.get(best.id) ?? []).length,
        fixes: best.keys.map((k) => {
          const { fw, req } = failing.get(k)!;
          return { benchmark_id: fw.benchmark_id, id: req.id, severity: req.severity, becomes: projectedStatus(req, fixed) as FixedRequirement['becomes'] };
        }),
      });
    }
    phases.push({ phase: i + 1, name: p.name, severities: [...p.severities], items, projected: input.frameworks.map((fw) => projectScore(fw, fixed)) });
  }
  const none = new Set<string>();
  return {
    benchmark_id: base.benchmark_id,
    score_formula: scoreFormula,
    weights: { ...severityWeights },
    frameworks: input.frameworks.map((fw) => {
      const { benchmark_id, ...now } = projectScore(fw, none);
      return { benchmark_id, title: fw.title, scan_id: fw.scan_id, started_at: fw.started_at, ...now };
    }),
    same_inventory: new Set(input.frameworks.map((f) => f.sync_run_id)).size === 1 && base.sync_run_id !== null,
    phases,
  };
}

/**
 * The status a requirement would have if the checks in `fixed` returned no rows but those an exception accepted.
 * A FAIL whose failing checks are all fixed: EXCEPTED when accepted findings remain (controls/status.ts: every
 * finding left is excepted), else ERROR when part of its data was in doubt (findings gone, the doubt stays), else
 * PASS. A FAIL with a failing check left stays FAIL. Every other status is untouched: fixing resources does not
 * repair data that could not be read.
 */
export function projectedStatus(req: PlanRequirement, fixed: ReadonlySet<string>): Status | string {
  if (req.status !== 'FAIL' || !req.failing_checks.every((c) => fixed.has(c))) return req.status;
  return req.excepted ? 'EXCEPTED' : req.error ? 'ERROR' : 'PASS';
}

/** The framework's summary (controls/score.ts summarise, the one score function) with projected statuses. */
export function projectScore(fw: PlanFramework, fixed: ReadonlySet<string>): ProjectedScore {
  const controls = fw.requirements.map(
    (r): ControlReport => ({
      id: r.id, title: r.title ?? '', section: r.section ?? '', severity: r.severity, status: projectedStatus(r, fixed) as Status,
      reason: '', affected_count: 0, evaluated_count: 0, resources: [],
    }),
  );
  const s = summarise(controls, null);
  return { benchmark_id: fw.benchmark_id, score: s.score, pass: s.pass, fail: s.fail, error: s.error, excepted: s.excepted ?? 0 };
}

function maxSeverity(keys: readonly Key[], failing: ReadonlyMap<Key, { req: PlanRequirement }>): Severity {
  let best: Severity = 'low';
  for (const k of keys) {
    const s = failing.get(k)?.req.severity;
    if (s && severityRank[s] > severityRank[best]) best = s;
  }
  return best;
}
