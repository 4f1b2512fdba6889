import type { ControlReport, ScanSummary, Status } from './types.js';

/**
 * The score formula, printed beside every score. A requirement in ERROR was evaluated and could not be trusted,
 * so it counts against the score: when a sync loses a service its FAILs become ERRORs and the score cannot rise.
 * SKIP (nothing in scope) and MANUAL (no check can decide it) are not scored.
 */
export const scoreFormula = 'PASS / (PASS + FAIL + ERROR)';

/**
 * An accepted risk is still a failing resource: the headline score counts EXCEPTED as FAIL (scoreFormula, with FAIL
 * including EXCEPTED), and this second score, shown beside it, counts EXCEPTED as passing.
 */
export const scoreWithExceptionsFormula = '(PASS + EXCEPTED) / (PASS + EXCEPTED + FAIL + ERROR)';

/** Percent with one decimal; null when nothing was scored (a score of 0 would claim too much). */
export function score(pass: number, fail: number, error: number): number | null {
  const total = pass + fail + error;
  return total === 0 ? null : Math.round((pass / total) * 1000) / 10;
}

/**
 * Coverage of a scan: of the automated requirements (every status but MANUAL), how many produced a verdict that
 * rests on trustworthy data — PASS, FAIL or SKIP (SKIP says the synced data holds nothing in scope: that is a
 * verdict on data we have; data in doubt makes a requirement ERROR, never SKIP). ERROR is the only untrusted one.
 */
export function coverage(counts: { pass: number; fail: number; skip: number; error: number; excepted?: number }): { trusted: number; automated: number } {
  const trusted = counts.pass + counts.fail + counts.skip + (counts.excepted ?? 0);
  return { trusted, automated: trusted + counts.error };
}

function count(controls: readonly ControlReport[], status: Status): number {
  return controls.filter((c) => c.status === status).length;
}

/**
 * Counts per status, failed requirements by severity, per-section scores (same formula; the section counts add up
 * to the totals), coverage, the age of the oldest data, and the trend in percentage points against the previous
 * complete scan of the same benchmark (null when either score is null). `oldestDataAt`: when the oldest data
 * behind the scan was collected (controls/coverage.ts); null when no synced data was read.
 */
export function summarise(controls: readonly ControlReport[], previousScore: number | null, oldestDataAt: Date | null = null): ScanSummary {
  const pass = count(controls, 'PASS');
  const fail = count(controls, 'FAIL');
  const error = count(controls, 'ERROR');
  const skip = count(controls, 'SKIP');
  const excepted = count(controls, 'EXCEPTED');
  // EXCEPTED counts as FAIL in the headline score; `fail` stays the count of FAIL requirements.
  const s = score(pass, fail + excepted, error);
  const sections: NonNullable<ScanSummary['sections']> = [];
  for (const section of [...new Set(controls.map((c) => c.section))]) {
    const cs = controls.filter((c) => c.section === section);
    const p = count(cs, 'PASS');
    const f = count(cs, 'FAIL');
    const e = count(cs, 'ERROR');
    const x = count(cs, 'EXCEPTED');
    sections.push({ section, score: score(p, f + x, e), pass: p, fail: f, skip: count(cs, 'SKIP'), error: e, manual: count(cs, 'MANUAL'), ...(excepted ? { excepted: x } : {}) });
  }
  return {
    score: s,
    score_formula: scoreFormula,
    pass,
    fail,
    skip,
    error,
    manual: count(controls, 'MANUAL'),
    excepted,
    score_with_exceptions: score(pass + excepted, fail, error),
    critical_failed: controls.filter((c) => c.status === 'FAIL' && c.severity === 'critical').length,
    high_failed: controls.filter((c) => c.status === 'FAIL' && c.severity === 'high').length,
    trend: s !== null && previousScore !== null ? Math.round((s - previousScore) * 10) / 10 : null,
    coverage: coverage({ pass, fail, skip, error, excepted }),
    oldest_data_at: oldestDataAt ? oldestDataAt.toISOString() : null,
    sections,
  };
}
