import type { Migration } from './sql-types.js';

/**
 * Migration 10 (issue 8): the score counts ERROR against it — PASS / (PASS + FAIL + ERROR) — and every scan
 * records its coverage and the age of its oldest data.
 *
 * - scans gains `trusted` and `automated` (automated requirements with a trustworthy verdict, of all automated
 *   ones) and `oldest_data_at` (when the oldest data the checks read was collected).
 * - Scans stored before are rescored with the new formula, in the `score` column and in the summary JSON (its
 *   section scores and trend too), so history and trends never compare the two formulas. Their coverage follows
 *   from their stored counts; the age of their data was never recorded and stays NULL.
 */
export const scoreCoverageMigration: Migration = {
  version: 10,
  name: 'score counts ERROR; scans record coverage and oldest data',
  async up(tx) {
    await tx.run('ALTER TABLE scans ADD COLUMN trusted INTEGER');
    await tx.run('ALTER TABLE scans ADD COLUMN automated INTEGER');
    await tx.run('ALTER TABLE scans ADD COLUMN oldest_data_at TIMESTAMP');
    const scans = await tx.all<{ id: string; benchmark_id: string; pass: number | null; fail: number | null; skip: number | null; error: number | null; summary: string | null }>(
      `SELECT id, benchmark_id, pass, fail, skip, error, CAST(summary AS VARCHAR) AS summary FROM scans
       WHERE status = 'complete' ORDER BY benchmark_id, started_at, finished_at, id`,
    );
    const previous = new Map<string, number | null>();
    for (const s of scans) {
      const pass = s.pass ?? 0, fail = s.fail ?? 0, skip = s.skip ?? 0, error = s.error ?? 0;
      const score = rescore(pass, fail, error);
      const before = previous.has(s.benchmark_id) ? previous.get(s.benchmark_id)! : null;
      previous.set(s.benchmark_id, score);
      let summary: string | null = s.summary;
      const parsed = s.summary ? (JSON.parse(s.summary) as Record<string, unknown>) : null;
      if (parsed && typeof parsed === 'object' && 'pass' in parsed) {
        parsed.score = score;
        parsed.score_formula = 'PASS / (PASS + FAIL + ERROR)';
        parsed.trend = score !== null && before !== null ? Math.round((score - before) * 10) / 10 : null;
        parsed.coverage = { trusted: pass + fail + skip, automated: pass + fail + skip + error };
        if (Array.isArray(parsed.sections)) {
          for (const x of parsed.sections as Array<{ pass: number; fail: number; error: number; score: number | null }>) x.score = rescore(x.pass, x.fail, x.error);
        }
        summary = JSON.stringify(parsed);
      }
      await tx.run('UPDATE scans SET score = ?, trusted = ?, automated = ?, summary = ? WHERE id = ?', [
        score, pass + fail + skip, pass + fail + skip + error, summary, s.id,
      ]);
    }
  },
};

function rescore(pass: number, fail: number, error: number): number | null {
  const total = pass + fail + error;
  return total === 0 ? null : Math.round((pass / total) * 1000) / 10;
}
