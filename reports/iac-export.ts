import { verifiableBreakdown, type VerifiableBreakdown } from '../controls/verifiable-score.js';
import type { Database } from '../schema/db.js';
import { safeCell, type Cell } from '../lib/csv/safe-cell.js';

/**
 * What an export of an IaC scan (source 'terraform', `calabi iac --save`) adds: both scores with their formulas,
 * whole and per section, computed from the scan's control_results (so they reconcile with the requirement table),
 * and each requirement's not-verifiable resources with why. Null for a live scan, and for a file from before
 * migration 50 (opened read-only, it has no `source` column: all its scans are live).
 */
export interface IacExportData {
  breakdown: VerifiableBreakdown;
  /** control id → "resource — reason" lines. */
  unverifiable: Map<string, string>;
  rows: Array<{ control_id: string; resource_id: string; reason: string }>;
}

export async function iacExportData(db: Database, scanId: string): Promise<IacExportData | null> {
  const has = await db.one<{ n: number }>(
    `SELECT count(*) AS n FROM duckdb_columns() WHERE database_name = current_database() AND table_name = 'scans' AND column_name = 'source'`,
  );
  if (!has || Number(has.n) === 0) return null;
  const scan = await db.one<{ source: string | null }>('SELECT source FROM scans WHERE id = ?', [scanId]);
  if (scan?.source !== 'terraform') return null;
  const controls = await db.all<{ section: string | null; status: string }>('SELECT section, status FROM control_results WHERE scan_id = ? ORDER BY position', [scanId]);
  const rows = await db.all<{ control_id: string; resource_id: string; reason: string }>(
    `SELECT n.control_id, n.resource_id, n.reason FROM not_verifiable_resources n
     JOIN control_results c ON c.scan_id = n.scan_id AND c.control_id = n.control_id
     WHERE n.scan_id = ? ORDER BY c.position, n.resource_id`,
    [scanId],
  );
  const unverifiable = new Map<string, string>();
  for (const r of rows) {
    const line = `${r.resource_id} — ${r.reason}`;
    const before = unverifiable.get(r.control_id);
    // A spreadsheet cell holds 32,767 characters.
    if ((before?.length ?? 0) + line.length < 32_000) unverifiable.set(r.control_id, before ? `${before}\n${line}` : line);
  }
  return { breakdown: verifiableBreakdown(controls), unverifiable, rows };
}

export const pct = (v: number | null): string => (v === null ? 'n/a' : `${Math.round(v * 10) / 10}%`);

/** Extra CSV/XLSX columns of an IaC scan's requirement rows (CSV: before the summary columns and the trailer). */
export const iacControlHeaders = ['Not verifiable resources', 'Verifiable score (PASS / (PASS + FAIL))', 'Overall score (PASS / (PASS + FAIL + NOT VERIFIABLE))'] as const;
export const iacScoreHeaders = iacControlHeaders.slice(1);

export function iacControlCells(data: IacExportData, controlId: string): Cell[] {
  return [safeCell(data.unverifiable.get(controlId) ?? ''), ...iacScoreCells(data)];
}

export function iacScoreCells(data: IacExportData): Cell[] {
  return [pct(data.breakdown.verifiable_score), pct(data.breakdown.overall_score)];
}

/** The summary lines every IaC export prints: both scores, each with its formula and the counts behind it. */
export function iacScoreLines(data: IacExportData): string[] {
  const b = data.breakdown;
  return [
    `Verifiable score: ${pct(b.verifiable_score)} = ${b.verifiable_formula.replace(/^verifiable score = /, '')} = ${b.pass} / (${b.pass} + ${b.fail})`,
    `Overall score: ${pct(b.overall_score)} = ${b.overall_formula.replace(/^overall = /, '')} = ${b.pass} / (${b.pass} + ${b.fail} + ${b.not_verifiable})`,
    `NOT VERIFIABLE: ${b.not_verifiable} requirement(s) depend on facts the Terraform plan cannot show; ${data.rows.length} not-verifiable resource(s) listed.`,
  ];
}
