import type { Database } from '../schema/db.js';
import { resolveScan, type Scan } from '../schema/scans.js';

export interface RequirementChange {
  id: string;
  title: string | null;
  section: string | null;
  severity: string | null;
  before: string | null;
  after: string | null;
  affected_before: number;
  affected_after: number;
}

export interface FindingChange {
  control_id: string;
  check_id: string;
  resource_id: string | null;
  account_id: string | null;
  region: string | null;
  reason: string | null;
}

export interface FindingGroup {
  count: number;
  /** The first `limit` findings, in benchmark order. */
  items: FindingChange[];
}

export interface ScanDiff {
  benchmark_id: string;
  a: Pick<Scan, 'id' | 'started_at' | 'score' | 'report_id'>;
  b: Pick<Scan, 'id' | 'started_at' | 'score' | 'report_id'>;
  /** b's score minus a's, in percentage points. */
  score_change: number | null;
  requirements: {
    /** FAIL in b, not FAIL in a. */
    newly_failing: RequirementChange[];
    /** FAIL in a, PASS or SKIP in b. */
    resolved: RequirementChange[];
    still_failing: RequirementChange[];
    /** Any other status change (e.g. PASS → ERROR: the data could not be trusted). */
    other_changes: RequirementChange[];
  };
  findings: { newly_failing: FindingGroup; resolved: FindingGroup; still_failing: FindingGroup };
}

export class DiffError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiffError';
  }
}

/**
 * Drift between two scans of one benchmark: by requirement (status before and after) and by resource (a finding is
 * the same when requirement, check, resource, account and region are). `a` is the earlier scan by convention; the
 * arguments are taken as given, so `diff b a` shows the change backwards. The comparisons stay SQL (full outer joins
 * of two scans with NULL-safe keys): Kysely would wrap nearly every line in sql`` and make them harder to read.
 */
export async function diffScans(db: Database, refA: string, refB: string, options: { limit?: number } = {}): Promise<ScanDiff> {
  const a = await resolveScan(db, refA);
  const b = await resolveScan(db, refB);
  if (a.benchmark_id !== b.benchmark_id) {
    throw new DiffError(`scans ${a.id} (${a.benchmark_id}) and ${b.id} (${b.benchmark_id}) are of different benchmarks: drift compares two scans of one benchmark; use \`calabi compare\` to set benchmark versions side by side`);
  }
  const limit = Math.max(0, Math.floor(options.limit ?? 500));
  const reqs = await db.all<RequirementChange & { position: number }>(
    `SELECT coalesce(rb.control_id, ra.control_id) AS id, coalesce(rb.title, ra.title) AS title, coalesce(rb.section, ra.section) AS section,
            coalesce(rb.severity, ra.severity) AS severity, ra.status AS before, rb.status AS after,
            coalesce(ra.affected_count, 0) AS affected_before, coalesce(rb.affected_count, 0) AS affected_after,
            coalesce(rb.position, ra.position) AS position
     FROM (SELECT * FROM control_results WHERE scan_id = ?) ra
     FULL OUTER JOIN (SELECT * FROM control_results WHERE scan_id = ?) rb ON ra.control_id = rb.control_id
     ORDER BY position, id`,
    [a.id, b.id],
  );
  const requirements: ScanDiff['requirements'] = { newly_failing: [], resolved: [], still_failing: [], other_changes: [] };
  for (const { position: _p, ...r } of reqs) {
    if (r.after === 'FAIL' && r.before !== 'FAIL') requirements.newly_failing.push(r);
    else if (r.before === 'FAIL' && r.after === 'FAIL') requirements.still_failing.push(r);
    else if (r.before === 'FAIL' && (r.after === 'PASS' || r.after === 'SKIP')) requirements.resolved.push(r);
    else if (r.before !== r.after) requirements.other_changes.push(r);
  }
  const group = async (which: 'new' | 'resolved' | 'still'): Promise<FindingGroup> => {
    const where = which === 'new' ? 'fa.control_id IS NULL' : which === 'resolved' ? 'fb.control_id IS NULL' : 'fa.control_id IS NOT NULL AND fb.control_id IS NOT NULL';
    const base = `
      FROM (SELECT DISTINCT control_id, check_id, resource_id, account_id, region FROM findings WHERE scan_id = $1) fa
      FULL OUTER JOIN (SELECT DISTINCT control_id, check_id, resource_id, account_id, region FROM findings WHERE scan_id = $2) fb
        ON fa.control_id = fb.control_id AND fa.check_id = fb.check_id AND fa.resource_id IS NOT DISTINCT FROM fb.resource_id
       AND fa.account_id IS NOT DISTINCT FROM fb.account_id AND fa.region IS NOT DISTINCT FROM fb.region
      WHERE ${where}`;
    const conn = await db.connect();
    try {
      const count = await conn.runAndReadAll(`SELECT count(*) ${base}`, [a.id, b.id]);
      const n = Number(count.getRowsJS()[0]![0]);
      const items = await db.all<FindingChange>(
        `WITH k AS (SELECT coalesce(fb.control_id, fa.control_id) AS control_id, coalesce(fb.check_id, fa.check_id) AS check_id,
                           coalesce(fb.resource_id, fa.resource_id) AS resource_id, coalesce(fb.account_id, fa.account_id) AS account_id,
                           coalesce(fb.region, fa.region) AS region ${base})
         SELECT k.*, (SELECT any_value(f.reason) FROM findings f WHERE f.scan_id = ${which === 'resolved' ? '$1' : '$2'} AND f.control_id = k.control_id
                      AND f.check_id = k.check_id AND f.resource_id IS NOT DISTINCT FROM k.resource_id
                      AND f.account_id IS NOT DISTINCT FROM k.account_id AND f.region IS NOT DISTINCT FROM k.region) AS reason
         FROM k LEFT JOIN (SELECT control_id, min(position) AS position FROM control_results WHERE scan_id IN ($1, $2) GROUP BY control_id) p USING (control_id)
         ORDER BY p.position, k.control_id, k.check_id, k.resource_id, k.account_id, k.region LIMIT ${limit}`,
        [a.id, b.id],
        conn,
      );
      return { count: n, items };
    } finally {
      conn.closeSync();
    }
  };
  return {
    benchmark_id: a.benchmark_id,
    a: { id: a.id, started_at: a.started_at, score: a.score, report_id: a.report_id },
    b: { id: b.id, started_at: b.started_at, score: b.score, report_id: b.report_id },
    score_change: a.score !== null && b.score !== null ? round(b.score - a.score) : null,
    requirements,
    findings: { newly_failing: await group('new'), resolved: await group('resolved'), still_failing: await group('still') },
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
