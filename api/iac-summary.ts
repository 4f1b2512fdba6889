import { verifiableBreakdown, type VerifiableBreakdown } from '../controls/verifiable-score.js';
import type { Reader } from './read-pool.js';

/**
 * What an IaC scan (source 'terraform', stored by `calabi iac --save`) adds to its summary: the NOT VERIFIABLE
 * count and both scores with their formulas, whole and section by section, computed from its control_results rows
 * so every figure reconciles with the table beside it. Live scans add nothing (no requirement of theirs can be
 * NOT VERIFIABLE).
 */
export async function iacSummary(db: Reader, scan: { id: string; source?: string | null }): Promise<{ source: string } | ({ source: 'terraform'; terraform: unknown } & VerifiableBreakdown)> {
  if (scan.source !== 'terraform') return { source: scan.source ?? 'aws' };
  const rows = await db.all<{ section: string | null; status: string }>('SELECT section, status FROM control_results WHERE scan_id = ? ORDER BY position', [scan.id]);
  const [meta] = await db.all<{ terraform: string | null }>(`SELECT CAST(json_extract(summary, '$.terraform') AS VARCHAR) AS terraform FROM scans WHERE id = ?`, [scan.id]);
  return { source: 'terraform', terraform: meta?.terraform ? JSON.parse(meta.terraform) : null, ...verifiableBreakdown(rows) };
}

/** The resources of a requirement whose verdict needs a value the plan cannot show, with why. */
export async function unverifiableResources(db: Reader, scanId: string, controlId: string, limit: number) {
  return db.all<{ resource_id: string; reason: string; terraform_addresses: string[] | null }>(
    `SELECT resource_id, reason, terraform_addresses FROM not_verifiable_resources WHERE scan_id = ? AND control_id = ? ORDER BY resource_id LIMIT ${limit}`,
    [scanId, controlId],
  );
}
