import { computeReportId, loadScanReport } from '../controls/engine.js';
import type { Database } from '../schema/db.js';
import type { Scan } from '../schema/scans.js';

/**
 * The report id printed in every export: the one the engine stored with the scan (a hash over its canonical
 * results). A scan without one (written by an older version) gets it recomputed from its stored results.
 */
export async function reportIdOf(db: Database, scan: Scan): Promise<string> {
  if (scan.report_id) return scan.report_id;
  return recomputeReportId(db, scan.id);
}

/** Recomputes the report id from the scan's stored results with the engine's canonical hash. */
export async function recomputeReportId(db: Database, scanId: string): Promise<string> {
  const report = await loadScanReport(db, scanId);
  if (!report) throw new Error(`[reports] scan ${scanId} has no stored results to compute a report id from`);
  return computeReportId(report);
}
