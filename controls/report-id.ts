import { createHash } from 'node:crypto';
import type { ResourceFinding, ScanReport } from './types.js';

function compareFindings(a: ResourceFinding, b: ResourceFinding): number {
  return cmp(a.resource_id, b.resource_id) || cmp(a.account_id, b.account_id) || cmp(a.region, b.region) || cmp(a.reason, b.reason);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The report id: sha256 over the canonical results — benchmark id and version, then for each control in
 * benchmark order its id, status and findings (resource, account, region, reason) sorted. Scan ids, times,
 * evidence columns and wording of summaries are left out, so the same inventory state gives the same id and an
 * exported file can be checked against the scan it claims to come from. Hex, 64 characters.
 */
export function computeReportId(report: Pick<ScanReport, 'benchmark' | 'controls'>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(['calabi-report/1', report.benchmark.id, report.benchmark.version]));
  hash.update('\n');
  for (const c of report.controls) {
    hash.update(JSON.stringify([c.id, c.status, c.resources.length]));
    hash.update('\n');
    const sorted = [...c.resources].sort(compareFindings);
    for (const f of sorted) {
      hash.update(JSON.stringify([f.resource_id, f.account_id, f.region, f.reason]));
      hash.update('\n');
    }
  }
  return hash.digest('hex');
}
