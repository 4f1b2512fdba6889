import type { SqlExecutor } from '../../schema/kysely.js';
import { kyselyOf } from '../../schema/kysely.js';
import { findingCount } from '../lazy-findings.js';
import type { CheckOutcome } from '../run-check.js';
import type { ExceptionMatcher } from './match.js';

/** One finding an exception accepted in a scan (stored in excepted_findings with the exception's revision). */
export interface AppliedException {
  control_id: string;
  check_id: string;
  resource_id: string;
  account_id: string;
  region: string;
  exception_id: string;
  revision: number;
}

/**
 * The outcome with each finding an exception covers marked (exception_id); the finding keeps its data. A new
 * object: one check's outcome serves several requirements, and a requirement-scoped exception covers only its own.
 */
export function exceptOutcome(outcome: CheckOutcome, matcher: ExceptionMatcher, scope: { benchmarkId: string; requirementId: string }, applied: AppliedException[]): CheckOutcome {
  // No exception in force is scoped to this check or requirement: its findings are not even read (lazy-findings.ts).
  if (findingCount(outcome) === 0 || !matcher.appliesTo({ checkId: outcome.checkId, ...scope })) return outcome;
  let any = false;
  const findings = outcome.findings.map((f) => {
    const e = matcher.match(f, { checkId: outcome.checkId, ...scope });
    if (!e) return f;
    any = true;
    applied.push({ control_id: scope.requirementId, check_id: outcome.checkId, resource_id: f.resource_id, account_id: f.account_id, region: f.region, exception_id: e.id, revision: e.revision });
    return { ...f, exception_id: e.id };
  });
  return any ? { ...outcome, findings } : outcome;
}

/**
 * Records, inside the scan's completing transaction, every exception in force at the evaluation (frozen as it was:
 * revision and snapshot) and which finding each accepted, so the scan stays true after later changes.
 */
export async function recordApplied(tx: SqlExecutor, scanId: string, matcher: ExceptionMatcher, applied: readonly AppliedException[]): Promise<void> {
  const k = kyselyOf(tx);
  for (const e of matcher.inForce) {
    await k.insertInto('scan_exceptions').values({ scan_id: scanId, exception_id: e.id, revision: e.revision, snapshot: JSON.stringify(e) }).execute();
  }
  for (let i = 0; i < applied.length; i += 500) {
    await k.insertInto('excepted_findings').values(applied.slice(i, i + 500).map((a) => ({ scan_id: scanId, ...a }))).execute();
  }
}
