import type { Scan } from '../../schema/scans.js';

/**
 * OCSF, ASFF and the Security Hub push describe the estate as it is. A scan of a Terraform plan (`calabi iac
 * --save`) describes what would be: its findings carry the same account/region/check/resource ids as live ones, so
 * importing them would overwrite (or archive) the live findings. Its place is code scanning: SARIF from `calabi iac`.
 */
export class NotALiveScanError extends Error {
  constructor(scan: Pick<Scan, 'id'>, what: string) {
    super(`[reports] scan ${scan.id} is of a Terraform plan, not of the live estate: ${what} would mix planned findings with live ones; use \`calabi iac <plan.json> --format sarif\` for a plan`);
    this.name = 'NotALiveScanError';
  }
}

export function assertLiveScan(scan: Pick<Scan, 'id' | 'source'>, what: string): void {
  if (scan.source === 'terraform') throw new NotALiveScanError(scan, what);
}
