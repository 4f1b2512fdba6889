import type { CheckOutcome } from './run-check.js';
import { defineLazyResources } from './lazy-resources.js';
import { findingCount, findingsPending, firstFinding } from './lazy-findings.js';
import { describeScopeProblems } from './scopes.js';
import { severityRank } from './severity.js';
import type { Check, ControlReport, Requirement, ResourceFinding, Severity } from './types.js';

export { severityRank } from './severity.js';

/**
 * The requirement's severity: the framework's own when it assigns one (FSBP), else the highest of its checks' (null
 * when it maps none).
 */
export function requirementSeverity(checks: ReadonlyArray<Pick<Check, 'severity'>>, own?: Severity): Severity | null {
  if (own) return own;
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
  /**
   * Each mapped check's own verdict, by the same rules applied to that check alone: a requirement mapped to many
   * checks (NIST maps up to 20) shows in its drill-down which passed and which failed. Empty for MANUAL.
   */
  check_results?: CheckVerdict[];
}

/** One check's verdict within a requirement (stored with the control, shown in its drill-down). */
export interface CheckVerdict {
  check_id: string;
  status: Exclude<ControlReport['status'], 'MANUAL'>;
  affected_count: number;
  evaluated_count: number;
  error: string | null;
}

/** The requirement's result (see verdict below) with each of its checks' own verdicts. */
export function controlResult(req: Requirement, checks: readonly Check[], outcomes: readonly CheckOutcome[], durationMs = 0, counter?: ResourceCounter): ControlResult {
  const result = verdict(req, checks, outcomes, durationMs, counter);
  // The result is fresh: set on it, not spread (a spread would build its lazy `resources`).
  if (result.status === 'MANUAL') return Object.assign(result, { check_results: [] });
  const check_results = outcomes.map((o): CheckVerdict => {
    // A check's own verdict depends on its outcome alone: the many requirements that share an outcome (NIST maps
    // one check under dozens) judge it once.
    const known = ownVerdicts.get(o);
    if (known) return known;
    const check = checks.filter((c) => c.id === o.checkId);
    const own = verdict({ ...req, checks: [o.checkId] }, check, [o], 0);
    const judged: CheckVerdict = { check_id: o.checkId, status: own.status as CheckVerdict['status'], affected_count: own.affected_count, evaluated_count: own.evaluated_count, error: own.error };
    ownVerdicts.set(o, judged);
    return judged;
  });
  result.check_results = check_results.map((v) => ({ ...v }));
  return result;
}

const ownVerdicts = new WeakMap<CheckOutcome, CheckVerdict>();

/**
 * Counts distinct resources (account, region, id) among several checks' findings. Each findings list's resources
 * are numbered once; a count then marks numbers in a stamp array, with no string built or hashed per requirement.
 * One per evaluation (the engine's), so the numbering does not outlive it.
 */
export class ResourceCounter {
  readonly #ids = new Map<string, { account: string; region: string; id: number } | Map<string, number>>();
  #size = 0;
  readonly #lists = new WeakMap<readonly ResourceFinding[], Int32Array>();
  #stamps = new Uint32Array(1024);
  #generation = 0;

  count(outcomes: readonly CheckOutcome[]): number {
    const lists = outcomes.map((o) => this.#idsOf(o.findings));
    if (this.#stamps.length < this.#size) {
      const grown = new Uint32Array(Math.max(this.#size, this.#stamps.length * 2));
      grown.set(this.#stamps);
      this.#stamps = grown;
    }
    if (++this.#generation === 0xffffffff) (this.#stamps.fill(0), (this.#generation = 1));
    const g = this.#generation;
    const stamps = this.#stamps;
    let n = 0;
    for (const ids of lists) {
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (stamps[id] !== g) (stamps[id] = g), n++;
      }
    }
    return n;
  }

  #idsOf(findings: readonly ResourceFinding[]): Int32Array {
    let ids = this.#lists.get(findings);
    if (!ids) {
      ids = new Int32Array(findings.length);
      // Looked up by resource id: an id names one resource in nearly every case (an ARN), so the first account and
      // region seen with it are kept beside it and compared, no key string built; an id seen in several accounts or
      // regions gets a map of them.
      for (let i = 0; i < findings.length; i++) {
        const r = findings[i]!;
        const known = this.#ids.get(r.resource_id);
        let id: number | undefined;
        if (known === undefined) this.#ids.set(r.resource_id, { account: r.account_id, region: r.region, id: (id = this.#size++) });
        else if (!(known instanceof Map) && known.account === r.account_id && known.region === r.region) id = known.id;
        else {
          let many = known;
          if (!(many instanceof Map)) this.#ids.set(r.resource_id, (many = new Map([[`${many.account}\u0000${many.region}`, many.id]])));
          const key = `${r.account_id}\u0000${r.region}`;
          id = many.get(key);
          if (id === undefined) many.set(key, (id = this.#size++));
        }
        ids[i] = id;
      }
      this.#lists.set(findings, ids);
    }
    return ids;
  }
}

/** Distinct resources among several checks' findings (without an evaluation's counter: a fresh one). */
function distinctResources(outcomes: readonly CheckOutcome[], counter?: ResourceCounter): number {
  return (counter ?? new ResourceCounter()).count(outcomes);
}

/**
 * The status of one requirement from the outcomes of the checks it maps:
 *
 * - MANUAL: the requirement maps no check — only a person can decide it (its evidence says what to collect).
 *           CIS's own Automated/Manual label does not decide this: a Manual-labelled requirement that a check
 *           can decide is evaluated like any other (the label is reported beside the status).
 * - FAIL:   some check returned a row outside the scopes whose data is in doubt. Such a finding is a fact even
 *           when another check or scope errored, so FAIL wins over ERROR, and the reason says which data could
 *           not be verified (the `error` field keeps the details).
 * - ERROR:  a check could not run, or a table it reads failed to sync or was never synced for a scope the
 *           inventory covers, and no trusted finding exists. Rows a check returns for a scope in doubt (same
 *           account, and same region or either side 'global') do not make a FAIL: an account-level check that
 *           LEFT JOINs a table whose collection failed reports "nothing configured" exactly there, which is an
 *           artefact of missing data (Access Analyzer answering 500 is not "no analyzer"). They stay listed.
 *           Fail closed: never PASS on data we do not have.
 * - EXCEPTED: it would FAIL, and every trusted finding is covered by an exception in force (controls/exceptions/):
 *           an accepted risk, not a pass. One finding left uncovered keeps it FAIL (the reason counts the excepted).
 * - SKIP:   no findings, no errors, and nothing was in scope (every check's scope counted 0 rows).
 * - PASS:   otherwise.
 */
function verdict(req: Requirement, checks: readonly Check[], outcomes: readonly CheckOutcome[], durationMs: number, counter?: ResourceCounter): ControlResult {
  const base = {
    id: req.id,
    title: req.title,
    section: req.section,
    ...(req.level === undefined ? {} : { level: req.level }),
    assessment: req.assessment,
    check_ids: [...req.checks],
    severity: requirementSeverity(checks, req.severity),
    duration_ms: durationMs,
  };
  if (req.checks.length === 0) {
    return { ...base, status: 'MANUAL', reason: req.evidence ?? 'Needs manual review: no automated check covers this requirement.', affected_count: 0, evaluated_count: 0, resources: [], error: null };
  }

  const only = outcomes.length === 1 ? outcomes[0]! : undefined;
  // The findings of every check together are the report's `resources`, built only when read (lazy-resources.ts):
  // what the verdict needs is counted here, outcome by outcome, without parsing findings still text (lazy-findings.ts).
  let total = 0;
  for (const o of outcomes) total += findingCount(o);
  // One check: DuckDB counted its distinct resources (run-check.ts); several may name the same resource.
  const affected = only?.affected ?? distinctResources(outcomes, counter);
  const evaluated = Math.max(0, ...outcomes.map((o) => o.evaluated));
  const checkErrors = outcomes.filter((o) => o.error).map((o) => `${o.checkId}: ${o.error}`);
  const problems = outcomes.flatMap((o) => o.scopeProblems).filter(uniqueScope());
  const scopeText = describeScopeProblems(problems);
  const errorText = [...checkErrors, ...(scopeText ? [scopeText] : [])].join('; ') || null;
  const result = (status: ControlResult['status'], reason: string): ControlResult =>
    defineLazyResources({ ...base, status, reason, affected_count: affected, evaluated_count: Math.max(evaluated, affected), resources: [], error: errorText }, outcomes);

  // The trusted findings (outside the scopes in doubt), and those no exception accepts: counted, the first open one
  // kept, without copying a list of millions (NIST).
  let trusted = 0;
  let openCount = 0;
  let firstOpen: ResourceFinding | undefined;
  const exceptionIds = new Set<string>();
  for (const o of outcomes) {
    // Findings still text carry no exception mark (exceptOutcome reads them), and with no scope in doubt every one is
    // trusted and open: counted, and only the first parsed.
    if (problems.length === 0 && findingsPending(o)) {
      const n = findingCount(o);
      if (n === 0) continue;
      trusted += n;
      openCount += n;
      firstOpen ??= firstFinding(o);
      continue;
    }
    for (const r of o.findings) {
      if (problems.length && problems.some((p) => inScope(r, p))) continue;
      trusted++;
      if (r.exception_id) {
        exceptionIds.add(r.exception_id);
        continue;
      }
      firstOpen ??= r;
      openCount++;
    }
  }
  if (trusted > 0 && openCount === 0) {
    const ids = [...exceptionIds];
    const caveat = errorText ? ` Some data could not be verified, so there may be more: ${errorText}` : '';
    return result('EXCEPTED', `${affected} failing ${affected === 1 ? 'resource is' : 'resources are'} accepted by ${ids.length === 1 ? 'exception' : 'exceptions'} ${ids.join(', ')}.${caveat}`);
  }
  if (trusted > 0) {
    const first = firstOpen!.reason.replace(/\.+$/, '');
    const excepted = trusted - openCount;
    const what = `${affected} ${affected === 1 ? 'resource fails' : 'resources fail'}${evaluated ? ` of ${Math.max(evaluated, affected)} evaluated` : ''}`;
    const caveat = errorText ? ` Some data could not be verified, so there may be more: ${errorText}` : '';
    const accepted = excepted ? ` ${excepted} of the findings ${excepted === 1 ? 'is' : 'are'} excepted; the rest are not.` : '';
    return result('FAIL', `${what}: ${first}${affected > 1 ? ' …' : ''}.${accepted}${caveat}`);
  }
  if (errorText) {
    const doubtful = total ? ` ${total} finding(s) fall in those scopes and are listed, unconfirmed.` : '';
    return result('ERROR', `Cannot be evaluated: ${errorText}.${doubtful}`);
  }
  if (evaluated === 0) {
    const scope = checks.map((c) => `${c.scope.table}${c.scope.where ? ` where ${c.scope.where}` : ''}`);
    return result('SKIP', `Nothing in scope: no rows in ${[...new Set(scope)].join(', ')}.`);
  }
  return result('PASS', `All ${evaluated} evaluated ${evaluated === 1 ? 'resource passes' : 'resources pass'}.`);
}

/** A finding lies in a scope in doubt: same account, and same region or either side account-wide. */
function inScope(f: { account_id: string; region: string }, p: { account_id: string; region: string }): boolean {
  return f.account_id === p.account_id && (p.region === 'global' || f.region === 'global' || p.region === f.region);
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
