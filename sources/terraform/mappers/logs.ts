import type { MetricFilter, StandardUnit } from '@aws-sdk/client-cloudwatch-logs';
import { awsLogsLogGroups, awsLogsMetricFilters } from '../../../schema/logs.js';
import { metricFilterRow } from '../../../sync/logs/log-groups.js';
import type { TfResource } from '../resources.js';
import { asInt, asText, knownString, literalOrReference, placeholder, RowBuilder, valueOf, mappedRow, type MapContext, type MappedRow, type Mapper } from './common.js';

const patternColumns = ['filter_pattern', 'pattern_syntax', 'pattern_error', 'parsed_pattern', 'matches_routine_traffic', 'covers', 'missed_events'];
const metricColumns = ['metric_name', 'metric_namespace', 'metric_value', 'metric_transformations', 'metric_unit', 'metric_dimensions', 'metric_default_value'];

/** The ARN of a log group as the logs sync stores it (no trailing :*), from its name. */
export function logGroupArn(ctx: MapContext, name: string): string {
  return `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:${name}`;
}

/**
 * CloudWatch Logs: aws_cloudwatch_log_group onto aws_logs_log_groups (retention 0 means never expire, stored
 * NULL as AWS reports it), and aws_cloudwatch_log_metric_filter onto aws_logs_metric_filters through
 * metricFilterRow, the function the logs sync uses: the pattern is parsed and matched against the CIS sample
 * events by sync/monitoring/, so `covers` means the same on a plan as on the account.
 */
export const logsMapper: Mapper = {
  tables: [awsLogsLogGroups.name, awsLogsMetricFilters.name],
  types: ['aws_cloudwatch_log_group', 'aws_cloudwatch_log_metric_filter'],
  map(resources, ctx) {
    const out: MappedRow[] = [];
    for (const r of resources.filter((x) => x.type === 'aws_cloudwatch_log_group')) out.push(groupRow(r, ctx));
    for (const r of resources.filter((x) => x.type === 'aws_cloudwatch_log_metric_filter')) out.push(filterRow(r, ctx));
    return out;
  },
};

function groupRow(r: TfResource, ctx: MapContext): MappedRow {
  const name = knownString(r, ['name']) ?? placeholder(r);
  const arn = (knownString(r, ['arn']) ?? logGroupArn(ctx, name)).replace(/:\*$/, '');
  const b = new RowBuilder(r).set('retention_in_days', ['retention_in_days'], (v) => (asInt(v) ? asInt(v) : null)).set('kms_key_id', ['kms_key_id']).set('log_group_class', ['log_group_class'], (v) => asText(v) ?? 'STANDARD');
  Object.assign(b.row, { arn, name, raw: r.values });
  return mappedRow(awsLogsLogGroups.name, arn, b, r);
}

function filterRow(r: TfResource, ctx: MapContext): MappedRow {
  const group = literalOrReference(r, ['log_group_name'], ['aws_cloudwatch_log_group'], ctx);
  const groupName = group.value ?? (group.target ? placeholder(group.target) : null);
  const name = knownString(r, ['name']) ?? placeholder(r);
  const pattern = valueOf(r, ['pattern']);
  const transformations = valueOf(r, ['metric_transformation']);
  const t = Array.isArray(transformations.value) ? (transformations.value as Array<Record<string, unknown>>) : [];
  const filter: MetricFilter = {
    filterName: name,
    logGroupName: groupName ?? undefined,
    filterPattern: pattern.unknown ? undefined : (asText(pattern.value) ?? ''),
    metricTransformations: t.map((m) => ({
      metricName: asText(m.name) ?? undefined,
      metricNamespace: asText(m.namespace) ?? undefined,
      metricValue: asText(m.value) ?? undefined,
      defaultValue: typeof m.default_value === 'number' ? m.default_value : typeof m.default_value === 'string' && m.default_value !== '' ? Number(m.default_value) : undefined,
      // The provider writes 'None' for no unit; DescribeMetricFilters leaves it out.
      unit: asText(m.unit) && m.unit !== 'None' ? (m.unit as StandardUnit) : undefined,
      dimensions: m.dimensions && typeof m.dimensions === 'object' ? (m.dimensions as Record<string, string>) : undefined,
    })),
  };
  const row = metricFilterRow(filter);
  const unknown = new Set<string>();
  if (groupName === null) {
    row.log_group_name = null;
    unknown.add('log_group_name');
  }
  if (pattern.unknown) for (const c of patternColumns) (row[c] = null), unknown.add(c);
  if (transformations.unknown || valueOf(r, ['metric_transformation', 0, 'name']).unknown || valueOf(r, ['metric_transformation', 0, 'namespace']).unknown || valueOf(r, ['metric_transformation', 0, 'value']).unknown) {
    for (const c of metricColumns) (row[c] = null), unknown.add(c);
  }
  row.raw = r.values;
  return { table: awsLogsMetricFilters.name, resourceId: String(row.filter_id), row, unknown, addresses: [r.address], moduleSource: r.moduleSource };
}
