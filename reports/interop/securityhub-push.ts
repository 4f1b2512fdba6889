import type { Database } from '../../schema/db.js';
import { kyselyOf } from '../../schema/kysely.js';
import type { Scan } from '../../schema/scans.js';
import { archivedAsff, asffBatches, asffBatchSize, type AsffFinding } from './asff.js';
import { asffFindings, type FindingsExportOptions } from './write-findings.js';
import { isoUtc } from './security-findings.js';

/**
 * `calabi push securityhub`: a scan's failing findings into Security Hub through BatchImportFindings, and the
 * findings it pushed before that the scan no longer reports archived (RecordState ARCHIVED, Compliance PASSED;
 * Security Hub then marks their workflow RESOLVED itself — BatchImportFindings may not set Workflow on an existing
 * finding). What Security Hub accepted is recorded in `securityhub_findings` (migration 80), which is how the next
 * push knows what to archive and keeps each finding's CreatedAt.
 *
 * A previously pushed finding is archived only when this scan decided it: its check ran on trusted data (some
 * requirement mapping it is PASS, FAIL or SKIP — not ERROR, where the data is in doubt) and its region is in the
 * synced scope of the account (or it is global). A finding the scan could not see stays as it was: fail closed.
 */

/** The one call push needs: the CLI hands in the SDK's SecurityHubClient behind it. */
export interface FindingsImporter {
  batchImport(region: string, findings: AsffFinding[]): Promise<{ failed: FailedFinding[] }>;
}

export interface FailedFinding {
  Id: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

export interface PushOptions extends FindingsExportOptions {
  /** The account whose credentials push: Security Hub takes findings of the caller's own account only. */
  callerAccount: string;
  /** Waits before retrying items Security Hub failed with a transient code (throttling, internal errors). */
  retryDelaysMs?: readonly number[];
  now?: () => Date;
}

export interface PushSummary {
  created: number;
  updated: number;
  /** Archived before and failing again: made ACTIVE (Security Hub resets its workflow to NEW). */
  reopened: number;
  archived: number;
  failed: Array<FailedFinding & { region: string }>;
  /** Findings of other accounts in the scan: they need that account's credentials (or a delegated product). */
  otherAccounts: number;
}

/** Item error codes worth another try; anything else (InvalidInput, AccessDenied…) will fail the same way again. */
const transient = /throttl|toomanyrequests|limitexceeded|internal|serviceunavailable|timeout/i;

interface Previous {
  finding_id: string;
  region: string;
  import_region: string;
  check_id: string;
  record_state: string;
  created_at: string;
}

type Outgoing = { finding: AsffFinding; region: string; dataRegion: string; kind: 'created' | 'updated' | 'reopened' | 'archived' };

/**
 * Findings stream from the scan and go out as soon as a region has 100, so a scan of 100,000 findings never sits in
 * memory; each accepted batch is recorded before the next is sent, so a push cut short loses nothing it did.
 */
export async function pushToSecurityHub(db: Database, scan: Scan, importer: FindingsImporter, options: PushOptions): Promise<PushSummary> {
  const now = (options.now ?? (() => new Date()))();
  const delays = options.retryDelaysMs ?? [1000, 5000, 15000];
  const previous = new Map<string, Previous>(
    (await kyselyOf(db).selectFrom('securityhub_findings').select(['finding_id', 'region', 'import_region', 'check_id', 'record_state', 'created_at'])
      .where('account_id', '=', options.callerAccount).execute()).map((r) => [r.finding_id, r]),
  );
  const summary: PushSummary = { created: 0, updated: 0, reopened: 0, archived: 0, failed: [], otherAccounts: 0 };
  const pending = new Map<string, Outgoing[]>();
  const send = async (region: string, batch: Outgoing[]) => {
    const { accepted, failed } = await importWithRetries(importer, region, batch, delays);
    summary.failed.push(...failed.map((f) => ({ ...f, region })));
    for (const o of accepted) summary[o.kind]++;
    await record(db, accepted, previous, scan.id, now);
  };
  const queue = async (o: Outgoing) => {
    const list = pending.get(o.region) ?? [];
    list.push(o);
    pending.set(o.region, list);
    if (list.length === asffBatchSize) {
      pending.delete(o.region);
      await send(o.region, list);
    }
  };
  const current = new Set<string>();
  for await (const { importRegion, ...f } of asffFindings(db, scan, options)) {
    if (f.AwsAccountId !== options.callerAccount) {
      summary.otherAccounts++;
      continue;
    }
    const finding = f as AsffFinding;
    current.add(finding.Id);
    const before = previous.get(finding.Id);
    if (before) {
      // Security Hub keeps the first CreatedAt; Workflow belongs to whoever works the finding once it exists.
      finding.CreatedAt = isoUtc(before.created_at);
      delete finding.Workflow;
    }
    const resource = (finding.Resources as Array<{ Region?: string }>)[0];
    const dataRegion = (finding.ProductFields as Record<string, string>)['calabi/Region'] ?? resource?.Region ?? importRegion;
    await queue({ finding, region: importRegion, dataRegion, kind: !before ? 'created' : before.record_state === 'ARCHIVED' ? 'reopened' : 'updated' });
  }
  const decided = await decidedScope(db, scan, options.callerAccount);
  const resolved = [...previous.values()].filter(
    (p) => p.record_state === 'ACTIVE' && !current.has(p.finding_id) && decided.checks.has(p.check_id) && (p.region === 'global' || decided.regions.has(p.region)),
  );
  for (const chunk of asffBatches(resolved, 1000)) {
    const sent = await kyselyOf(db).selectFrom('securityhub_findings').select(['finding_id', 'finding']).where('finding_id', 'in', chunk.map((p) => p.finding_id)).execute();
    const byId = new Map(sent.map((r) => [r.finding_id, r.finding]));
    for (const p of chunk) {
      const finding = archivedAsff(JSON.parse(byId.get(p.finding_id)!) as AsffFinding, now.toISOString());
      await queue({ finding, region: p.import_region, dataRegion: p.region, kind: 'archived' });
    }
  }
  for (const [region, batch] of pending) await send(region, batch);
  return summary;
}

async function importWithRetries(importer: FindingsImporter, region: string, batch: Outgoing[], delays: readonly number[]): Promise<{ accepted: Outgoing[]; failed: FailedFinding[] }> {
  const accepted: Outgoing[] = [];
  const failed: FailedFinding[] = [];
  let pending = batch;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const result = await importer.batchImport(region, pending.map((o) => o.finding));
    const failedById = new Map(result.failed.map((f) => [f.Id, f]));
    const retry: Outgoing[] = [];
    for (const o of pending) {
      const f = failedById.get(o.finding.Id);
      if (!f) accepted.push(o);
      else if (transient.test(f.ErrorCode ?? '') && attempt < delays.length) retry.push(o);
      else failed.push(f);
    }
    if (retry.length > 0) await new Promise((r) => setTimeout(r, delays[attempt]));
    pending = retry;
  }
  return { accepted, failed };
}

/** What Security Hub accepted becomes the record the next push compares with; failures stay as they were. */
async function record(db: Database, accepted: Outgoing[], previous: Map<string, Previous>, scanId: string, now: Date): Promise<void> {
  if (accepted.length === 0) return;
  await db.write(async (tx) => {
    const k = kyselyOf(tx);
    await k.deleteFrom('securityhub_findings').where('finding_id', 'in', accepted.map((o) => o.finding.Id)).execute();
    await k.insertInto('securityhub_findings').values(accepted.map((o) => ({
      finding_id: o.finding.Id,
      account_id: o.finding.AwsAccountId,
      region: o.dataRegion,
      import_region: o.region,
      check_id: String(o.finding.GeneratorId).replace(/^calabi\//, ''),
      resource_id: (o.finding.Resources as Array<{ Id: string }>)[0]?.Id ?? null,
      record_state: o.kind === 'archived' ? 'ARCHIVED' : 'ACTIVE',
      finding: JSON.stringify(o.finding),
      // The finding's own CreatedAt (when a scan first reported it), kept from the first accepted import on.
      created_at: previous.get(o.finding.Id)?.created_at ?? String(o.finding.CreatedAt),
      pushed_at: now,
      scan_id: scanId,
    }))).execute();
  });
}

/** The checks the scan decided on trusted data, and the regions of the account its inventory covers. */
async function decidedScope(db: Database, scan: Scan, accountId: string): Promise<{ checks: Set<string>; regions: Set<string> }> {
  const checks = await db.all<{ check_id: string }>(
    `SELECT DISTINCT unnest(check_ids) AS check_id FROM control_results WHERE scan_id = ? AND status IN ('PASS', 'FAIL', 'SKIP')`,
    [scan.id],
  );
  const regions = await db.all<{ region: string }>('SELECT DISTINCT region FROM aws_regions WHERE account_id = ?', [accountId]);
  return { checks: new Set(checks.map((c) => c.check_id)), regions: new Set(regions.map((r) => r.region)) };
}
