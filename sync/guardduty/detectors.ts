import { GetDetectorCommand, GuardDutyClient, paginateListDetectors } from '@aws-sdk/client-guardduty';
import type { Row } from '../../schema/db.js';
import { awsGuarddutyDetectorFeatures, awsGuarddutyDetectors } from '../../schema/guardduty.js';
import { allItems } from '../ec2/shared.js';
import type { Collector, SyncContext } from '../types.js';

/** The region's detector ids (a region has at most one), listed once per sync for the detectors and finding counts. */
export function detectorIds(ctx: SyncContext): Promise<string[]> {
  return ctx.shared('ListDetectors', () => allItems(paginateListDetectors({ client: ctx.client(GuardDutyClient) }, {}), (p) => p.DetectorIds));
}

const detectorsTable = awsGuarddutyDetectors.name;
const featuresTable = awsGuarddutyDetectorFeatures.name;

/**
 * ListDetectors, then GetDetector for each (AWS has no list form with the status and features; a region holds at
 * most one detector, so this is one call per region). A region with no detector gets one NO_DETECTOR row: that
 * is the fact "GuardDuty is off here", and the checks tell it from data that failed to sync.
 */
export const detectorsCollector: Collector = {
  service: 'guardduty',
  name: 'detectors',
  scope: 'regional',
  tables: [awsGuarddutyDetectors, awsGuarddutyDetectorFeatures],
  async collect(ctx) {
    const client = ctx.client(GuardDutyClient);
    const ids = await detectorIds(ctx);
    if (ids.length === 0) {
      const arn = `arn:${ctx.partition}:guardduty:${ctx.region}:${ctx.accountId}`;
      return { [detectorsTable]: [{ arn, detector_id: null, status: 'NO_DETECTOR', raw: { DetectorIds: [] } }], [featuresTable]: [] };
    }
    const found = await ctx.map(ids, (id) => detector(ctx, client, id));
    return { [detectorsTable]: found.map((d) => d.row), [featuresTable]: found.flatMap((d) => d.features) };
  },
};

async function detector(ctx: SyncContext, client: GuardDutyClient, id: string): Promise<{ row: Row; features: Row[] }> {
  const arn = `arn:${ctx.partition}:guardduty:${ctx.region}:${ctx.accountId}:detector/${id}`;
  let d;
  try {
    d = await client.send(new GetDetectorCommand({ DetectorId: id }));
  } catch (error) {
    // Kept as a row without a status, and the scope marked in error: the checks report ERROR, never a verdict.
    ctx.itemError(error, { operation: 'GetDetector', table: detectorsTable, resourceId: arn });
    return { row: { arn, detector_id: id, status: null, raw: { DetectorId: id } }, features: [] };
  }
  const { $metadata: _, ...raw } = d;
  const row: Row = {
    arn,
    detector_id: id,
    status: d.Status ?? null,
    finding_publishing_frequency: d.FindingPublishingFrequency ?? null,
    s3_logs_status: d.DataSources?.S3Logs?.Status ?? null,
    service_role: d.ServiceRole ?? null,
    created_at: d.CreatedAt ? new Date(d.CreatedAt) : null,
    updated_at: d.UpdatedAt ? new Date(d.UpdatedAt) : null,
    raw,
  };
  const features = (d.Features ?? []).map((f) => ({
    feature_arn: `${arn}/feature/${f.Name}`,
    detector_arn: arn,
    detector_id: id,
    name: f.Name ?? null,
    status: f.Status ?? null,
    additional_configuration: f.AdditionalConfiguration ?? [],
    updated_at: f.UpdatedAt ?? null,
    raw: f,
  }));
  return { row, features };
}
