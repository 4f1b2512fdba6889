import { createHash } from 'node:crypto';
import type { ControlReport, ResourceFinding, ScanReport } from './types.js';

function compareFindings(a: ResourceFinding, b: ResourceFinding): number {
  return cmp(a.resource_id, b.resource_id) || cmp(a.account_id, b.account_id) || cmp(a.region, b.region) || cmp(a.reason, b.reason);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * sha256 over one control's findings in canonical order (resource, account, region, reason), one JSON array per
 * line so no resource name can forge a separator. The engine computes it as each control completes, while other
 * checks still run.
 */
export function findingsDigest(resources: readonly ResourceFinding[]): string {
  const hash = createHash('sha256');
  let chunk = '';
  for (const f of [...resources].sort(compareFindings)) {
    chunk += `${JSON.stringify([f.resource_id, f.account_id, f.region, f.reason])}\n`;
    if (chunk.length > 1 << 20) (hash.update(chunk), (chunk = ''));
  }
  hash.update(chunk);
  return hash.digest('hex');
}

/** Combines the benchmark header and each control's id, status, finding count and findings digest, in order. */
export function combineReportId(benchmark: { id: string; version: string }, controls: ReadonlyArray<Pick<ControlReport, 'id' | 'status' | 'resources'>>, digests: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(`${JSON.stringify(['calabi-report/2', benchmark.id, benchmark.version])}\n`);
  controls.forEach((c, i) => hash.update(`${JSON.stringify([c.id, c.status, c.resources.length, digests[i]])}\n`));
  return hash.digest('hex');
}

/**
 * The report id: sha256 over the canonical results — benchmark id and version, then for each control in
 * benchmark order its id, status, number of findings and the digest of its sorted findings (findingsDigest).
 * Scan ids, times, evidence columns and the wording of reasons and summaries are left out, so the same inventory
 * state gives the same id and an exported file can be checked against the scan it claims to come from. Hex, 64
 * characters.
 */
export function computeReportId(report: Pick<ScanReport, 'benchmark' | 'controls'>): string {
  return combineReportId(report.benchmark, report.controls, report.controls.map((c) => findingsDigest(c.resources)));
}
