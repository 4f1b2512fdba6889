import { sqlObjects } from '../schema/sql-objects.js';
import type { Check, ControlReport, ResourceFinding, ScanReport, Status } from './types.js';

/**
 * NOT VERIFIABLE: the source cannot show the fact (DESIGN.md). Kept apart from the engine: a scan runs unchanged
 * over what a source could load, and this module re-reads each requirement's verdict knowing what the source
 * could not show. Two causes:
 *
 * - Values unknown until apply (a Terraform plan): a check that reads a column whose value is unknown for a
 *   resource cannot pass or fail that resource. Its findings on such resources are not trusted; if no trusted
 *   finding remains and some resource in scope has such an unknown, the requirement is NOT VERIFIABLE.
 * - Tables the source cannot describe (root MFA and keys, the credential report, key ages, and any table the
 *   plan filled no row of unless the plan is declared to be the whole account): the engine sees them empty.
 *   Whatever it concludes from that (FAIL: nothing configured; PASS: nothing attached; SKIP: nothing in scope)
 *   is not evidence: NOT VERIFIABLE.
 *
 * ERROR (a broken check) stays ERROR; MANUAL stays; SKIP stays unless its tables are ones the source cannot fill.
 */
export const NOT_VERIFIABLE = 'NOT VERIFIABLE' as const;
export type VerifiableStatus = Status | typeof NOT_VERIFIABLE;

export interface UnverifiableResource {
  resource_id: string;
  reason: string;
}

export interface VerifiableControl extends Omit<ControlReport, 'status'> {
  status: VerifiableStatus;
  /** Resources whose verdict needs a value the source cannot show. */
  not_verifiable: UnverifiableResource[];
}

/**
 * Prefix of an unknown column meaning "more rows of this resource may exist, with unknown values" (a security
 * group whose inline rules are computed): they can add findings, never remove one, so a finding on known rows
 * stands and only the absence of findings is in doubt.
 */
export const MORE_ROWS = '+';

export interface VerifiabilityFacts {
  /** table → resource id → columns whose value is unknown for that resource (MORE_ROWS-prefixed: see above). */
  unknown: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;
  /** Tables the source cannot describe, with why (shown in the reason). */
  invisible: ReadonlyMap<string, string>;
  /**
   * Tables the source describes only in part (a plan is one root module, not the account): rows it has are
   * facts, but "none qualifies" is not. An account- or region-level check (scope aws_accounts/aws_regions) that
   * fails over such a table ("no multi-region trail") is NOT VERIFIABLE; one that passes found its evidence.
   */
  partial: ReadonlyMap<string, string>;
}

const accountScopes = new Set(['aws_accounts', 'aws_regions']);

/** Requirements by status and both IaC scores (controls/verifiable-score.ts adds the per-section breakdown). */
export interface VerifiableCounts {
  pass: number;
  fail: number;
  error: number;
  not_verifiable: number;
  skip: number;
  manual: number;
  /** PASS / (PASS + FAIL) in percent, one decimal; null when nothing passed or failed. */
  verifiable_score: number | null;
  /** PASS / (PASS + FAIL + NOT VERIFIABLE) in percent, one decimal; null when none of those. */
  overall_score: number | null;
}

export interface VerifiableSummary extends VerifiableCounts {
  verifiable_formula: string;
  overall_formula: string;
}

export const verifiableFormula = 'verifiable score = PASS / (PASS + FAIL)';
export const overallFormula = 'overall = PASS / (PASS + FAIL + NOT VERIFIABLE)';

/** The requirement's verdict given what the source cannot show; `checks` are the checks it maps. */
export function verifiableControl(control: ControlReport, checks: readonly Check[], facts: VerifiabilityFacts): VerifiableControl {
  const base: VerifiableControl = { ...control, not_verifiable: [] };
  if (control.status === 'MANUAL' || control.status === 'ERROR') return base;

  // Resources whose values the check reads are unknown (their findings are not trusted either way), and
  // resources that may have more rows than the plan shows (their findings stand).
  const hidden = new Map<string, string>();
  const moreRows = new Map<string, string>();
  for (const check of checks) {
    const columns = identifiers(check.sql);
    for (const table of new Set([...check.tables, check.scope.table])) {
      for (const [resourceId, unknown] of facts.unknown.get(table) ?? []) {
        const values = [...unknown].filter((c) => !c.startsWith(MORE_ROWS) && columns.has(c)).sort();
        const rows = [...unknown].filter((c) => c.startsWith(MORE_ROWS) && columns.has(c.slice(MORE_ROWS.length))).map((c) => c.slice(MORE_ROWS.length)).sort();
        if (values.length) hidden.set(resourceId, `${check.id} reads ${values.join(', ')} of ${table}, known only after apply`);
        else if (rows.length) moreRows.set(resourceId, `${check.id} reads ${rows.join(', ')} of ${table}, and some of its rows are known only after apply`);
      }
    }
  }
  const invisible = [...new Set(checks.flatMap((c) => c.tables))].filter((t) => facts.invisible.has(t));
  const trusted = control.resources.filter((f) => !hidden.has(f.resource_id));
  const failing = new Set(trusted.map((f) => f.resource_id));
  for (const [id, why] of moreRows) if (!failing.has(id) && !hidden.has(id)) hidden.set(id, why);
  const notVerifiable = [...hidden].map(([resource_id, reason]) => ({ resource_id, reason }));

  // Absent data proves nothing either way: a FAIL may be "nothing configured", a PASS may be "nothing found"
  // (a check for attachments passes on an empty table), a SKIP "nothing in scope".
  if (invisible.length > 0) {
    const why = invisible.map((t) => `${t} (${facts.invisible.get(t)})`).join('; ');
    return { ...base, status: NOT_VERIFIABLE, reason: `Not verifiable from this source: the verdict depends on data it cannot show: ${why}.`, not_verifiable: notVerifiable };
  }
  // Nothing in scope: unknown values of resources outside the check's scope do not matter.
  if (control.status === 'SKIP') return base;
  const absence = control.status === 'FAIL' ? checks.filter((c) => accountScopes.has(c.scope.table)).flatMap((c) => c.tables.filter((t) => facts.partial.has(t))) : [];
  if (absence.length > 0) {
    const why = [...new Set(absence)].map((t) => `${t} (${facts.partial.get(t)})`).join('; ');
    return { ...base, status: NOT_VERIFIABLE, reason: `Not verifiable from this source: what it lacks may exist elsewhere in the account: ${why}.`, not_verifiable: notVerifiable };
  }
  // An account- or region-level FAIL ("no chain notifies anyone") is one verdict over many rows: a value it reads
  // that is unknown in any of them (a subscription whose confirmation only its endpoint's owner can give) may be
  // the link it lacks, so the verdict is in doubt.
  const doubts = control.status === 'FAIL' && checks.length > 0 && checks.every((c) => accountScopes.has(c.scope.table)) ? aggregateDoubts(checks, facts) : [];
  if (doubts.length > 0) {
    return { ...base, status: NOT_VERIFIABLE, resources: [], affected_count: 0, reason: `Not verifiable before apply: the verdict reads values known only after apply (${doubts.slice(0, 3).join('; ')}${doubts.length > 3 ? ' …' : ''}).`, not_verifiable: notVerifiable };
  }
  if (trusted.length > 0) {
    return { ...base, resources: trusted, affected_count: countResources(trusted), not_verifiable: notVerifiable, reason: notVerifiable.length ? `${control.reason} ${notVerifiable.length} more resource(s) cannot be verified before apply.` : control.reason };
  }
  if (notVerifiable.length > 0) {
    return { ...base, status: NOT_VERIFIABLE, resources: [], affected_count: 0, reason: `Not verifiable before apply: ${notVerifiable.length} resource(s) depend on values known only after apply (${notVerifiable[0]!.reason}${notVerifiable.length > 1 ? ' …' : ''}).`, not_verifiable: notVerifiable };
  }
  return base;
}

export function verifiableReport(report: ScanReport, checksOf: (controlId: string) => readonly Check[], facts: VerifiabilityFacts): { controls: VerifiableControl[]; summary: VerifiableSummary } {
  const controls = report.controls.map((c) => verifiableControl(c, checksOf(c.id), facts));
  return { controls, summary: summariseVerifiable(controls) };
}

export function summariseVerifiable(controls: readonly Pick<VerifiableControl, 'status'>[]): VerifiableSummary {
  const n = (s: VerifiableStatus) => controls.filter((c) => c.status === s).length;
  const pass = n('PASS');
  const fail = n('FAIL');
  const nv = n(NOT_VERIFIABLE);
  const pct = (num: number, den: number) => (den === 0 ? null : Math.round((1000 * num) / den) / 10);
  return {
    pass, fail, error: n('ERROR'), not_verifiable: nv, skip: n('SKIP'), manual: n('MANUAL'),
    verifiable_score: pct(pass, pass + fail),
    overall_score: pct(pass, pass + fail + nv),
    verifiable_formula: verifiableFormula,
    overall_formula: overallFormula,
  };
}

/** "<column> of <table> <resource>" for each unknown value an account- or region-level check reads. */
function aggregateDoubts(checks: readonly Check[], facts: VerifiabilityFacts): string[] {
  const out: string[] = [];
  for (const check of checks) {
    const columns = identifiersWithObjects(check.sql);
    for (const table of new Set(check.tables)) {
      for (const [resourceId, unknown] of facts.unknown.get(table) ?? []) {
        const values = [...unknown].filter((c) => !c.startsWith(MORE_ROWS) && columns.has(c)).sort();
        if (values.length) out.push(`${values.join(', ')} of ${table} ${resourceId}`);
      }
    }
  }
  return [...new Set(out)];
}

/** The check's identifiers plus those of the views and macros (schema/sql-objects.ts) it calls, transitively. */
function identifiersWithObjects(sql: string): Set<string> {
  const all = identifiers(sql);
  for (let grew = true; grew; ) {
    grew = false;
    for (const object of sqlObjects) {
      const name = /CREATE OR REPLACE (?:VIEW|MACRO) ([a-z_0-9]+)/i.exec(object)?.[1]?.toLowerCase();
      if (!name || !all.has(name) || all.has(`${name}\u0000expanded`)) continue;
      all.add(`${name}\u0000expanded`);
      for (const id of identifiers(object)) all.add(id);
      grew = true;
    }
  }
  return all;
}

/** Every identifier the check's SQL mentions (comments removed): the columns it can read, over-approximated. */
function identifiers(sql: string): Set<string> {
  const code = sql.replace(/--[^\n]*/g, '').replace(/'(?:[^']|'')*'/g, "''");
  return new Set((code.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []));
}

function countResources(findings: readonly ResourceFinding[]): number {
  return new Set(findings.map((f) => `${f.account_id}\u0000${f.region}\u0000${f.resource_id}`)).size;
}
