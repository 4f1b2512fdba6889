import { NOT_VERIFIABLE, overallFormula, summariseVerifiable, verifiableFormula, type VerifiableCounts } from './verifiable.js';

/**
 * Both IaC scores, whole and section by section, from requirement rows (a stored scan's control_results or a
 * fresh IaC report), so every figure a page or export prints is computed from the table printed beside it:
 * verifiable = PASS / (PASS + FAIL), overall = PASS / (PASS + FAIL + NOT VERIFIABLE), in percent, one decimal.
 */
export type { VerifiableCounts };

export interface VerifiableBreakdown extends VerifiableCounts {
  verifiable_formula: string;
  overall_formula: string;
  sections: Array<VerifiableCounts & { section: string }>;
}

export function verifiableBreakdown(rows: ReadonlyArray<{ section: string | null; status: string }>): VerifiableBreakdown {
  const counts = (rs: ReadonlyArray<{ status: string }>): VerifiableCounts => {
    const { verifiable_formula: _v, overall_formula: _o, ...c } = summariseVerifiable(rs.map((r) => ({ status: r.status as typeof NOT_VERIFIABLE })));
    return c;
  };
  const sections = [...new Set(rows.map((r) => r.section ?? ''))].map((section) => ({ section, ...counts(rows.filter((r) => (r.section ?? '') === section)) }));
  return { ...counts(rows), verifiable_formula: verifiableFormula, overall_formula: overallFormula, sections };
}
