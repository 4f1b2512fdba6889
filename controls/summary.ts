import type { ControlReport, ScanSummary, Status } from './types.js';

/** Percent with one decimal; null when nothing passed or failed (a score of 0 would claim too much). */
export function score(pass: number, fail: number): number | null {
  return pass + fail === 0 ? null : Math.round((pass / (pass + fail)) * 1000) / 10;
}

function count(controls: readonly ControlReport[], status: Status): number {
  return controls.filter((c) => c.status === status).length;
}

/**
 * Counts per status, failed requirements by severity, per-section scores, and the trend in percentage points
 * against the previous complete scan of the same benchmark (null when either score is null).
 */
export function summarise(controls: readonly ControlReport[], previousScore: number | null): ScanSummary {
  const pass = count(controls, 'PASS');
  const fail = count(controls, 'FAIL');
  const s = score(pass, fail);
  const sections: NonNullable<ScanSummary['sections']> = [];
  for (const section of [...new Set(controls.map((c) => c.section))]) {
    const cs = controls.filter((c) => c.section === section);
    const p = count(cs, 'PASS');
    const f = count(cs, 'FAIL');
    sections.push({ section, score: score(p, f), pass: p, fail: f, skip: count(cs, 'SKIP'), error: count(cs, 'ERROR'), manual: count(cs, 'MANUAL') });
  }
  return {
    score: s,
    pass,
    fail,
    skip: count(controls, 'SKIP'),
    error: count(controls, 'ERROR'),
    manual: count(controls, 'MANUAL'),
    critical_failed: controls.filter((c) => c.status === 'FAIL' && c.severity === 'critical').length,
    high_failed: controls.filter((c) => c.status === 'FAIL' && c.severity === 'high').length,
    trend: s !== null && previousScore !== null ? Math.round((s - previousScore) * 10) / 10 : null,
    sections,
  };
}
