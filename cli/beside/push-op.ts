import type { BesideContext } from '../../api/beside/routes.js';
import type { PushSummary } from '../../reports/interop/securityhub-push.js';
import { UsageError } from '../errors.js';

export interface PushArgs {
  /** An id, a unique prefix, or latest. */
  scan: string;
  benchmark?: string;
  profile?: string;
  endpoint?: string;
  homeRegion?: string;
}

export interface PushResult {
  benchmarkId: string;
  scanId: string;
  account: string;
  summary: PushSummary;
}

/**
 * `calabi push securityhub` as an operation (cli/beside/ops.ts): it reads the scan, sends its findings and records
 * what Security Hub accepted in securityhub_findings, on the file or inside a running `calabi serve`. Beside a
 * server it calls AWS with the server's credentials and environment, as the server's syncs do; the command's
 * flags (--profile, --endpoint-url, --home-region) are sent along.
 */
export async function pushSecurityHub({ db }: BesideContext, a: PushArgs): Promise<PushResult> {
  const { resolveScan, ScanNotFoundError } = await import('../../schema/scans.js');
  const { assertExportable, NotALiveScanError, ScanNotExportableError } = await import('../../reports/export.js');
  const { pushToSecurityHub } = await import('../../reports/interop/securityhub-push.js');
  const { securityHubImporter } = await import('../securityhub-importer.js');
  const scan = await resolveScan(db, a.scan, a.benchmark).catch((error: unknown) => {
    throw error instanceof ScanNotFoundError ? new UsageError(error.message.replace(/^\[reports\] /, ''), { cause: error }) : error;
  });
  try {
    assertExportable(scan, 'asff');
  } catch (error) {
    throw error instanceof ScanNotExportableError || error instanceof NotALiveScanError ? new UsageError(error.message.replace(/^\[reports\] /, ''), { cause: error }) : error;
  }
  const { importer, callerAccount } = securityHubImporter({ profile: a.profile, endpoint: a.endpoint, stsRegion: a.homeRegion });
  const account = await callerAccount();
  const summary = await pushToSecurityHub(db, scan, importer, { callerAccount: account, homeRegion: a.homeRegion });
  return { benchmarkId: scan.benchmark_id, scanId: scan.id, account, summary };
}
