import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand, type GetEventSelectorsCommandOutput, type GetTrailStatusCommandOutput, type Trail } from '@aws-sdk/client-cloudtrail';
import type { Row } from '../../schema/db.js';
import { awsCloudtrailTrails } from '../../schema/cloudtrail.js';
import type { Collector, SyncContext } from '../types.js';
import { summariseSelectors } from './selectors.js';

/**
 * Trails whose home is this region, so each trail is read once, in the one region that answers
 * GetEventSelectors for it. We ask for shadow trails and keep those whose HomeRegion is this region rather than
 * passing includeShadowTrails false: AWS documents that false also hides an organization trail from member
 * accounts, which would make every member account fail CIS 3.1 and 4.x although the organization trail covers
 * it. DescribeTrails has no paging.
 */
export const trailsCollector: Collector = {
  service: 'cloudtrail',
  name: 'trails',
  scope: 'regional',
  tables: [awsCloudtrailTrails],
  async collect(ctx) {
    const out = await ctx.client(CloudTrailClient).send(new DescribeTrailsCommand({ includeShadowTrails: true }));
    const scanned = new Set(ctx.regions);
    const trails = (out.trailList ?? []).filter((t) => {
      const home = t.HomeRegion ?? ctx.region;
      if (home === ctx.region) return true;
      // A multi-region trail homed in a region this sync does not scan still covers the scanned ones: read it
      // once, in the first scanned region, asking its home region for status and selectors.
      return t.IsMultiRegionTrail === true && !scanned.has(home) && ctx.region === ctx.regions[0];
    });
    const rows = await ctx.map(trails, (t) => trailRow(ctx, ctx.client(CloudTrailClient, t.HomeRegion ?? ctx.region), t));
    return { [awsCloudtrailTrails.name]: rows };
  },
};

async function trailRow(ctx: SyncContext, client: CloudTrailClient, t: Trail): Promise<Row> {
  const id = t.TrailARN ?? t.Name!;
  const where = { table: awsCloudtrailTrails.name, resourceId: id };
  let status: GetTrailStatusCommandOutput | null = null;
  let selectors: GetEventSelectorsCommandOutput | null = null;
  try {
    status = await client.send(new GetTrailStatusCommand({ Name: id }));
  } catch (error) {
    ctx.itemError(error, { ...where, operation: 'GetTrailStatus' });
  }
  try {
    selectors = await client.send(new GetEventSelectorsCommand({ TrailName: id }));
  } catch (error) {
    ctx.itemError(error, { ...where, operation: 'GetEventSelectors' });
  }
  const partition = id.startsWith('arn:') ? id.split(':')[1]! : ctx.partition;
  const classic = selectors?.EventSelectors ?? [];
  const advanced = selectors?.AdvancedEventSelectors ?? [];
  const summary = selectors ? summariseSelectors(classic, advanced, partition) : null;
  const { $metadata: _s, ...statusRaw } = status ?? { $metadata: {} };
  const { $metadata: _e, ...selectorsRaw } = selectors ?? { $metadata: {} };
  return {
    arn: id,
    name: t.Name ?? null,
    home_region: t.HomeRegion ?? ctx.region,
    is_multi_region: t.IsMultiRegionTrail ?? false,
    is_organization_trail: t.IsOrganizationTrail ?? false,
    is_logging: status?.IsLogging ?? null,
    include_global_service_events: t.IncludeGlobalServiceEvents ?? null,
    log_file_validation_enabled: t.LogFileValidationEnabled ?? false,
    s3_bucket_name: t.S3BucketName ?? null,
    s3_key_prefix: t.S3KeyPrefix ?? null,
    sns_topic_arn: t.SnsTopicARN ?? null,
    kms_key_id: t.KmsKeyId ?? null,
    cloudwatch_logs_log_group_arn: t.CloudWatchLogsLogGroupArn ?? null,
    cloudwatch_logs_role_arn: t.CloudWatchLogsRoleArn ?? null,
    latest_cloudwatch_logs_delivery_time: status?.LatestCloudWatchLogsDeliveryTime ?? null,
    latest_cloudwatch_logs_delivery_error: status?.LatestCloudWatchLogsDeliveryError || null,
    selectors_source: summary?.source ?? null,
    include_management_events: summary?.includeManagementEvents ?? null,
    read_write_type: summary?.readWriteType ?? null,
    excluded_management_event_sources: summary?.excludedManagementEventSources ?? null,
    s3_object_write_arns: summary?.s3ObjectWriteArns ?? null,
    s3_object_read_arns: summary?.s3ObjectReadArns ?? null,
    event_selectors: selectors ? classic : null,
    advanced_event_selectors: selectors ? advanced : null,
    has_insight_selectors: t.HasInsightSelectors ?? false,
    raw: { trail: t, status: status ? statusRaw : null, eventSelectors: selectors ? selectorsRaw : null },
  };
}
