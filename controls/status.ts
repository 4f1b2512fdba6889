import type { CheckOutcome } from './run-check.js';
import { describeScopeProblems } from './scopes.js';
import type { Check, ControlReport, Requirement, Severity } from './types.js';

export const severityRank: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/** The requirement's severity: the highest of its checks' (null when it maps none). */
export function requirementSeverity(checks: ReadonlyArray<Pick<Check, 'severity'>>): Severity | null {
  let best: Severity | null = null;
  for (const c of checks) if (!best || severityRank[c.severity] > severityRank[best]) best = c.severity;
  return best;
}

export interface ControlResult extends ControlReport {
  assessment: Requirement['assessment'];
  check_ids: string[];
  /** Why the result cannot be fully trusted (check errors, scopes that failed to sync); null when clean. */
  error: string | null;
  duration_ms: number;
}

/**
 * The status of one requirement from the outcomes of the checks it maps:
 *
 * - MANUAL: the requirement is manual, or maps no check — a person must look at the evidence.
 * - FAIL:   some check returned rows. Findings are facts even when another check or scope errored: the
 *           requirement is failing either way, so FAIL wins over ERROR, and the reason says which data could
 *           not be verified (the `error` field keeps the details).
 * - ERROR:  no findings, and a check could not run, or a table it reads failed to sync or was never synced
 *           for a scope the inventory covers. Fail closed: never PASS on data we do not have.
 * - SKIP:   no findings, no errors, and nothing was in scope (every check's scope counted 0 rows).
 * - PASS:   otherwise.
 */
export function controlResult(req: Requirement, checks: readonly Check[], outcomes: readonly CheckOutcome[], durationMs = 0): ControlResult {
  const base = {
    id: req.id,
    title: req.title,
    section: req.section,
    level: req.level,
    assessment: req.assessment,
    check_ids: [...req.checks],
    severity: requirementSeverity(checks),
    duration_ms: durationMs,
  };
  if (req.assessment === 'Manual' || req.checks.length === 0) {
    return { ...base, status: 'MANUAL', reason: req.evidence ?? 'Needs manual review: no automated check covers this requirement.', affected_count: 0, evaluated_count: 0, resources: [], error: null };
  }

  const resources = outcomes.flatMap((o) => o.findings);
  const affected = new Set(resources.map((r) => `${r.account_id}\u0000${r.region}\u0000${r.resource_id}`)).size;
  const evaluated = Math.max(0, ...outcomes.map((o) => o.evaluated));
  const checkErrors = outcomes.filter((o) => o.error).map((o) => `${o.checkId}: ${o.error}`);
  const scopeText = describeScopeProblems(outcomes.flatMap((o) => o.scopeProblems).filter(uniqueScope()));
  const errorText = [...checkErrors, ...(scopeText ? [scopeText] : [])].join('; ') || null;
  const counts = { affected_count: affected, evaluated_count: Math.max(evaluated, affected), resources, error: errorText };

  if (resources.length > 0) {
    const first = resources[0]!.reason.replace(/\.+$/, '');
    const what = `${affected} ${affected === 1 ? 'resource fails' : 'resources fail'}${evaluated ? ` of ${Math.max(evaluated, affected)} evaluated` : ''}`;
    const caveat = errorText ? ` Some data could not be verified, so there may be more: ${errorText}` : '';
    return { ...base, status: 'FAIL', reason: `${what}: ${first}${affected > 1 ? ' …' : ''}.${caveat}`, ...counts };
  }
  if (errorText) {
    return { ...base, status: 'ERROR', reason: `Cannot be evaluated: ${errorText}`, ...counts };
  }
  if (evaluated === 0) {
    const scope = checks.map((c) => `${c.scope.table}${c.scope.where ? ` where ${c.scope.where}` : ''}`);
    return { ...base, status: 'SKIP', reason: `Nothing in scope: no rows in ${[...new Set(scope)].join(', ')}.`, ...counts };
  }
  return { ...base, status: 'PASS', reason: `All ${evaluated} evaluated ${evaluated === 1 ? 'resource passes' : 'resources pass'}.`, ...counts };
}

function uniqueScope() {
  const seen = new Set<string>();
  return (p: { table: string; account_id: string; region: string }) => {
    const key = `${p.table}\u0000${p.account_id}\u0000${p.region}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}
