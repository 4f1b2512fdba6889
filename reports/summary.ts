import type { Database } from '../schema/db.js';
import { coverageLine } from './format-report.js';
import { score, scoreFormula } from '../controls/score.js';
import type { StatusCounts } from '../controls/types.js';
import type { Scan } from '../schema/scans.js';
import { countFindings } from './scan-data.js';

export interface SectionCount extends StatusCounts {
  section: string;
  score: number | null;
}

export interface Breakdown {
  byStatus: Array<[string, number]>;
  bySeverity: Array<{ severity: string; failed: number; findings: number }>;
  bySection: SectionCount[];
  findings: number;
}

const statuses = ['PASS', 'FAIL', 'ERROR', 'SKIP', 'MANUAL'] as const;
const severities = ['critical', 'high', 'medium', 'low'] as const;

/**
 * Counts by status, severity and section, computed from the stored control results (not the cached summary). The
 * aggregations stay SQL (FILTER clauses Kysely would only wrap in sql``); the findings count is the shared one.
 */
export async function scanBreakdown(db: Database, scan: Scan): Promise<Breakdown> {
  const status = await db.all<{ status: string; n: number }>('SELECT status, count(*) AS n FROM control_results WHERE scan_id = ? GROUP BY status', [scan.id]);
  const severity = await db.all<{ severity: string; failed: number; findings: number }>(
    `SELECT c.severity, count(*) AS failed, sum(c.affected_count) AS findings
     FROM control_results c WHERE c.scan_id = ? AND c.status = 'FAIL' GROUP BY c.severity`,
    [scan.id],
  );
  const sections = await db.all<SectionCount & { first: number }>(
    `SELECT coalesce(section, '') AS section, min(position) AS first,
            count(*) FILTER (WHERE status = 'PASS') AS pass, count(*) FILTER (WHERE status = 'FAIL') AS fail,
            count(*) FILTER (WHERE status = 'ERROR') AS error, count(*) FILTER (WHERE status = 'SKIP') AS skip,
            count(*) FILTER (WHERE status = 'MANUAL') AS manual, count(*) FILTER (WHERE status = 'EXCEPTED') AS excepted
     FROM control_results WHERE scan_id = ? GROUP BY 1 ORDER BY first`,
    [scan.id],
  );
  const total = await countFindings(db, scan.id);
  return {
    // NOT VERIFIABLE exists only in IaC scans (sources/terraform/store.ts): listed when present, so the counts add up.
    byStatus: [...statuses, ...(['NOT VERIFIABLE', 'EXCEPTED'] as const).filter((x) => status.some((r) => r.status === x))].map((s) => [s, status.find((r) => r.status === s)?.n ?? 0]),
    bySeverity: severities.map((s) => {
      const r = severity.find((x) => x.severity === s);
      return { severity: s, failed: r?.failed ?? 0, findings: r?.findings ?? 0 };
    }),
    // EXCEPTED counts as FAIL in the score (controls/score.ts); listed only when some requirement is.
    bySection: sections.map(({ first: _first, excepted, ...s }) => ({ ...s, ...(excepted ? { excepted } : {}), score: score(s.pass, s.fail + (excepted ?? 0), s.error) })),
    findings: total,
  };
}

/** "Score 62.5% = PASS / (PASS + FAIL + ERROR)": the score as every export prints it, formula beside it. */
export function scoreText(scan: Pick<Scan, 'score'>): string {
  return `${scan.score === null ? 'n/a' : `${Math.round(scan.score * 10) / 10}%`} = ${scoreFormula}`;
}

/** The coverage and data-age line every export prints beside the score. */
export function coverageText(scan: Pick<Scan, 'trusted' | 'automated' | 'oldest_data_at' | 'started_at'>): string {
  const coverage = scan.trusted === null || scan.automated === null ? undefined : { trusted: scan.trusted, automated: scan.automated };
  return coverageLine({ coverage, oldest_data_at: scan.oldest_data_at }, new Date(scan.started_at));
}
