import { createHash } from 'node:crypto';
import type { SecurityFinding } from './security-findings.js';
import { asffResourceType } from './asff-resource-type.js';

/**
 * AWS Security Finding Format (ASFF), as Security Hub's BatchImportFindings takes it. The shape is the AWS service
 * model's AwsSecurityFinding (test/fixtures/interop/asff-batch-import-findings.schema.json validates every finding
 * we write); the values follow the ASFF user guide:
 * - `Id` is derived from account, region, check and resource only, never from the scan, so importing a later scan
 *   updates the same finding instead of adding a duplicate.
 * - `ProductArn` is the account's own default product (`product/<account>/default`): the integration every account
 *   has, which only accepts findings of the calling account (AwsAccountId must be the caller's).
 * - Severity and Types are sent both at the top level (a new finding) and in FindingProviderFields (how a finding
 *   provider changes them on later imports).
 * - Workflow is set only when a finding is created: after that it belongs to the people working the finding, and
 *   BatchImportFindings cannot change it. A resolved finding is archived instead: RecordState ARCHIVED with
 *   Compliance.Status PASSED, on which Security Hub sets Workflow.Status RESOLVED itself.
 */
export type AsffFinding = Record<string, unknown> & { Id: string; AwsAccountId: string; UpdatedAt: string };

export const asffSchemaVersion = '2018-10-08';
/** BatchImportFindings takes at most 100 findings per call. */
export const asffBatchSize = 100;

export interface AsffContext {
  /** Where the finding is imported: the finding's region, or for a `global` one the account's home region. */
  importRegion: string;
  /** Title of the benchmark that decided the scan, for Compliance.RelatedRequirements and Types. */
  benchmarkTitle: string;
  /** Calabi's version, in ProductFields. */
  calabiVersion: string;
  scanId: string;
}

/** The stable id: the same failing resource of the same check gets the same id in every scan. */
export function asffId(f: Pick<SecurityFinding, 'account_id' | 'region' | 'check_id' | 'resource_id'>): string {
  const resource = createHash('sha256').update(f.resource_id ?? '').digest('hex').slice(0, 32);
  return `calabi/${f.account_id}/${f.region}/${f.check_id}/${resource}`;
}

export function productArn(partition: string, region: string, accountId: string): string {
  return `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
}

const asffPartitions = new Set(['aws', 'aws-cn', 'aws-us-gov']);

/** One failing finding as a new or updated ASFF finding (RecordState ACTIVE, Compliance FAILED). */
export function toAsff(f: SecurityFinding, ctx: AsffContext): AsffFinding {
  const label = f.severity.toUpperCase();
  const types = [`Software and Configuration Checks/Industry and Regulatory Standards/${clip(ctx.benchmarkTitle, 200)}`];
  const resourceId = f.resource_id ?? `AWS::::Account:${f.account_id}`;
  const recommendation: Record<string, string> = {};
  if (f.remediation.length > 0) recommendation.Text = clip(f.remediation.join(' '), 512);
  if (f.links[0]) recommendation.Url = f.links[0];
  return {
    SchemaVersion: asffSchemaVersion,
    Id: asffId(f),
    ProductArn: productArn(f.partition, ctx.importRegion, f.account_id),
    ProductName: 'Calabi',
    CompanyName: 'Calabi',
    GeneratorId: `calabi/${f.check_id}`,
    AwsAccountId: f.account_id,
    Types: types,
    FirstObservedAt: f.first_seen,
    LastObservedAt: f.last_seen,
    CreatedAt: f.first_seen,
    UpdatedAt: f.last_seen,
    Severity: { Label: label, Original: f.severity },
    FindingProviderFields: { Severity: { Label: label, Original: f.severity }, Types: types },
    Title: clip(f.title, 256),
    Description: clip(f.reason ? `${f.reason} — ${f.description}` : f.description, 1024),
    ...(Object.keys(recommendation).length > 0 ? { Remediation: { Recommendation: recommendation } } : {}),
    ...(f.links[0] ? { SourceUrl: f.links[0] } : {}),
    ProductFields: {
      'calabi/CheckId': f.check_id,
      'calabi/ScanId': ctx.scanId,
      'calabi/Version': ctx.calabiVersion,
      ...(f.region === 'global' ? { 'calabi/Region': 'global' } : {}),
    },
    Resources: [
      {
        Type: f.resource_id ? asffResourceType(f.resource_id) : 'AwsAccount',
        Id: clip(resourceId, 512),
        ...(asffPartitions.has(f.partition) ? { Partition: f.partition } : {}),
        Region: f.region === 'global' ? ctx.importRegion : f.region,
      },
    ],
    Compliance: {
      Status: 'FAILED',
      // ASFF allows at most 32 related requirements.
      RelatedRequirements: f.requirements.slice(0, 32).map((r) => clip(`${ctx.benchmarkTitle}/${r}`, 256)),
    },
    Workflow: { Status: 'NEW' },
    RecordState: 'ACTIVE',
  };
}

/**
 * The update that archives a finding Calabi pushed before and no scan reports any more: same id and product,
 * Compliance PASSED, RecordState ARCHIVED. No Workflow (BatchImportFindings may not change it after creation).
 */
export function archivedAsff(previous: AsffFinding, updatedAt: string): AsffFinding {
  const { Workflow: _workflow, ...rest } = previous;
  const compliance = (previous.Compliance ?? {}) as Record<string, unknown>;
  return { ...rest, UpdatedAt: updatedAt, LastObservedAt: updatedAt, Compliance: { ...compliance, Status: 'PASSED' }, RecordState: 'ARCHIVED' };
}

/** ASFF string limits are in characters; cut with an ellipsis so a reader sees it was cut. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Splits findings into BatchImportFindings requests of at most 100. */
export function* asffBatches<T>(findings: readonly T[], size = asffBatchSize): Generator<T[]> {
  for (let i = 0; i < findings.length; i += size) yield findings.slice(i, i + size);
}
