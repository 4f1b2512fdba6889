import type { AdvancedEventSelector, EventSelector } from '@aws-sdk/client-cloudtrail';
import { awsCloudtrailTrails } from '../../../schema/cloudtrail.js';
import { summariseSelectors } from '../../../sync/cloudtrail/selectors.js';
import type { TfResource } from '../resources.js';
import { logGroupArn } from './logs.js';
import { asBool, asText, knownString, placeholder, RowBuilder, valueOf, type MapContext, type MappedRow, type Mapper } from './common.js';

const selectorColumns = ['selectors_source', 'include_management_events', 'read_write_type', 'excluded_management_event_sources', 's3_object_write_arns', 's3_object_read_arns'];

/**
 * aws_cloudtrail onto aws_cloudtrail_trails. Event selectors go through summariseSelectors, the function the
 * AWS sync uses. A trail declared with no selector block gets AWS's default selector at creation (management
 * events, read and write), so that is what it will record. is_logging comes from enable_logging (default true).
 */
export const cloudtrailMapper: Mapper = {
  tables: [awsCloudtrailTrails.name],
  types: ['aws_cloudtrail'],
  map(resources, ctx) {
    return resources.map((r) => trailRow(r, ctx));
  },
};

function trailRow(r: TfResource, ctx: MapContext): MappedRow {
  const name = knownString(r, ['name']) ?? placeholder(r);
  const arn = knownString(r, ['arn']) ?? `arn:${ctx.partition}:cloudtrail:${ctx.region}:${ctx.accountId}:trail/${name}`;
  const b = new RowBuilder(r)
    .set('is_multi_region', ['is_multi_region_trail'], (v) => asBool(v) ?? false)
    .set('is_organization_trail', ['is_organization_trail'], (v) => asBool(v) ?? false)
    .set('is_logging', ['enable_logging'], (v) => asBool(v) ?? true)
    .set('include_global_service_events', ['include_global_service_events'], (v) => asBool(v) ?? true)
    .set('log_file_validation_enabled', ['enable_log_file_validation'], (v) => asBool(v) ?? false)
    .set('s3_key_prefix', ['s3_key_prefix'])
    .set('kms_key_id', ['kms_key_id'])
    .set('cloudwatch_logs_log_group_arn', ['cloud_watch_logs_group_arn'])
    .set('cloudwatch_logs_role_arn', ['cloud_watch_logs_role_arn']);
  // The log group ARN is usually "${aws_cloudwatch_log_group.x.arn}:*", unknown on create: it follows from the
  // referenced group's name, as AWS builds it.
  if (b.unknown.has('cloudwatch_logs_log_group_arn')) {
    const group = ctx.resolver.resolve(r, ['cloud_watch_logs_group_arn'], ['aws_cloudwatch_log_group']);
    const groupName = group ? knownString(group, ['name']) : null;
    if (groupName) {
      b.row.cloudwatch_logs_log_group_arn = `${logGroupArn(ctx, groupName)}:*`;
      b.unknown.delete('cloudwatch_logs_log_group_arn');
    }
  }
  // The bucket joins by name: known, or the referenced bucket's name.
  const bucket = knownString(r, ['s3_bucket_name']);
  const ref = bucket ? null : ctx.resolver.resolve(r, ['s3_bucket_name'], ['aws_s3_bucket']);
  const bucketName = bucket ?? (ref ? (knownString(ref, ['bucket']) ?? placeholder(ref)) : null);
  if (bucketName === null) b.unknownColumn('s3_bucket_name');
  const classic = valueOf(r, ['event_selector']);
  const advanced = valueOf(r, ['advanced_event_selector']);
  if (classic.unknown || advanced.unknown) for (const c of selectorColumns) b.unknownColumn(c);
  else {
    const cl = (Array.isArray(classic.value) ? classic.value : []).map(toEventSelector);
    const adv = (Array.isArray(advanced.value) ? advanced.value : []).map(toAdvanced);
    const s = summariseSelectors(cl.length || adv.length ? cl : [{ ReadWriteType: 'All', IncludeManagementEvents: true }], adv, ctx.partition);
    Object.assign(b.row, {
      selectors_source: s.source,
      include_management_events: s.includeManagementEvents,
      read_write_type: s.readWriteType,
      excluded_management_event_sources: s.excludedManagementEventSources,
      s3_object_write_arns: s.s3ObjectWriteArns,
      s3_object_read_arns: s.s3ObjectReadArns,
      event_selectors: cl,
      advanced_event_selectors: adv,
    });
  }
  Object.assign(b.row, { arn, name, home_region: ctx.region, s3_bucket_name: bucketName, has_insight_selectors: Array.isArray(r.values.insight_selector) && r.values.insight_selector.length > 0, raw: r.values });
  return { table: awsCloudtrailTrails.name, resourceId: arn, row: b.row, unknown: b.unknown, addresses: [r.address], moduleSource: r.moduleSource };
}

function toEventSelector(v: unknown): EventSelector {
  const s = (v ?? {}) as Record<string, unknown>;
  return {
    ReadWriteType: (asText(s.read_write_type) ?? 'All') as EventSelector['ReadWriteType'],
    IncludeManagementEvents: asBool(s.include_management_events) ?? true,
    ExcludeManagementEventSources: Array.isArray(s.exclude_management_event_sources) ? s.exclude_management_event_sources.map(String) : [],
    DataResources: (Array.isArray(s.data_resource) ? s.data_resource : []).map((d) => ({ Type: asText((d as Record<string, unknown>).type) ?? undefined, Values: ((d as Record<string, unknown>).values as string[] | undefined) ?? [] })),
  };
}

function toAdvanced(v: unknown): AdvancedEventSelector {
  const s = (v ?? {}) as Record<string, unknown>;
  const list = (x: unknown) => (Array.isArray(x) && x.length ? x.map(String) : undefined);
  return {
    Name: asText(s.name) ?? undefined,
    FieldSelectors: (Array.isArray(s.field_selector) ? s.field_selector : []).map((f) => {
      const fs = f as Record<string, unknown>;
      return { Field: String(fs.field), Equals: list(fs.equals), NotEquals: list(fs.not_equals), StartsWith: list(fs.starts_with), NotStartsWith: list(fs.not_starts_with), EndsWith: list(fs.ends_with), NotEndsWith: list(fs.not_ends_with) };
    }),
  };
}
