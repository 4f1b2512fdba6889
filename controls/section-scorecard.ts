import { score, scoreFormula } from './score.js';

/** One line of a section scorecard: the section's requirements by outcome, and its score. */
export interface ScorecardLine {
  section: string;
  /** Every requirement of the section: pass + fail + error + not_evaluable. */
  controls: number;
  pass: number;
  /** FAIL and EXCEPTED: an accepted risk still fails, as in the headline score (controls/score.ts). */
  fail: number;
  error: number;
  /** No verdict to score: SKIP (nothing in scope) + MANUAL (no check can decide it), and NOT VERIFIABLE in IaC scans. */
  not_evaluable: number;
  /** PASS / (PASS + FAIL + ERROR) over this line's own counts; null when none of them is scored. */
  score: number | null;
}

export interface SectionScorecard {
  sections: ScorecardLine[];
  /** The benchmark's row: every count is the sum of the sections', and the score is recomputed from them. */
  total: ScorecardLine;
  score_formula: string;
}

/**
 * The one section scorecard every surface prints (dashboard, PDF, XLSX, API): sections in the order their first
 * requirement appears, then the total. Computed from the requirements themselves, never from a cached summary, so
 * the figures add up by construction: totals are sums of sections and every score follows from its printed counts.
 */
export function sectionScorecard(controls: Iterable<{ section: string | null; status: string }>): SectionScorecard {
  const bySection = new Map<string, { pass: number; fail: number; error: number; not_evaluable: number }>();
  for (const c of controls) {
    const key = c.section ?? '';
    const line = bySection.get(key) ?? { pass: 0, fail: 0, error: 0, not_evaluable: 0 };
    if (c.status === 'PASS') line.pass++;
    else if (c.status === 'FAIL' || c.status === 'EXCEPTED') line.fail++;
    else if (c.status === 'ERROR') line.error++;
    else line.not_evaluable++;
    bySection.set(key, line);
  }
  const sections = [...bySection].map(([section, counts]) => lineOf(section, counts));
  const sum = (k: 'pass' | 'fail' | 'error' | 'not_evaluable') => sections.reduce((n, s) => n + s[k], 0);
  const total = lineOf('Total', { pass: sum('pass'), fail: sum('fail'), error: sum('error'), not_evaluable: sum('not_evaluable') });
  return { sections, total, score_formula: scoreFormula };
}

function lineOf(section: string, c: { pass: number; fail: number; error: number; not_evaluable: number }): ScorecardLine {
  return { section, controls: c.pass + c.fail + c.error + c.not_evaluable, ...c, score: score(c.pass, c.fail, c.error) };
}

/** "62.5% = 5 / (5 + 2 + 1)": a line's score with the formula filled in from its own printed counts. */
export function scoreWorking(line: ScorecardLine): string {
  if (line.score === null) return `n/a (no PASS, FAIL or ERROR)`;
  return `${line.score}% = ${line.pass} / (${line.pass} + ${line.fail} + ${line.error})`;
}
