import { CloudWatchLogsClient, paginateDescribeLogGroups, paginateDescribeMetricFilters, type LogGroup, type MetricFilter } from '@aws-sdk/client-cloudwatch-logs';
import { awsLogsLogGroups, awsLogsMetricFilters } from '../../schema/logs.js';
import type { Row } from '../../schema/db.js';
import type { Collector } from '../types.js';
import { analyseFilterPattern } from '../monitoring/coverage.js';

export const logGroupsCollector: Collector = {
  service: 'logs',
  name: 'log-groups',
  scope: 'regional',
  tables: [awsLogsLogGroups],
  async collect(ctx) {
    const client = ctx.client(CloudWatchLogsClient);
    const groups: LogGroup[] = [];
    for await (const page of paginateDescribeLogGroups({ client }, {})) groups.push(...(page.logGroups ?? []));
    const rows = groups.map((g) => ({
      // logGroupArn is the ARN without ':*'; older answers (and moto) give only `arn`, which ends in ':*'.
      arn: g.logGroupArn ?? g.arn?.replace(/:\*$/, '') ?? null,
      name: g.logGroupName ?? null,
      creation_time: g.creationTime !== undefined ? new Date(g.creationTime) : null,
      retention_in_days: g.retentionInDays ?? null,
      kms_key_id: g.kmsKeyId ?? null,
      stored_bytes: g.storedBytes ?? null,
      metric_filter_count: g.metricFilterCount ?? null,
      log_group_class: g.logGroupClass ?? null,
      raw: g,
    }));
    return { [awsLogsLogGroups.name]: rows };
  },
};

/**
 * Every metric filter of the region in one listing (no logGroupName), pattern kept verbatim and analysed once
 * here: parsed, and matched against the sample CloudTrail events of each CIS monitoring requirement, so the
 * checks only read `covers`.
 */
export const metricFiltersCollector: Collector = {
  service: 'logs',
  name: 'metric-filters',
  scope: 'regional',
  tables: [awsLogsMetricFilters],
  async collect(ctx) {
    const client = ctx.client(CloudWatchLogsClient);
    const filters: MetricFilter[] = [];
    for await (const page of paginateDescribeMetricFilters({ client }, {})) filters.push(...(page.metricFilters ?? []));
    const rows = filters.map(metricFilterRow);
    return { [awsLogsMetricFilters.name]: rows };
  },
};

/** The stored row of one metric filter, with its pattern analysed (also used by tests to seed what sync writes). */
export function metricFilterRow(f: MetricFilter): Row {
  const t = f.metricTransformations?.[0];
  const a = analyseFilterPattern(f.filterPattern);
  return {
    filter_id: `${f.logGroupName}:${f.filterName}`,
    filter_name: f.filterName ?? null,
    log_group_name: f.logGroupName ?? null,
    filter_pattern: f.filterPattern ?? null,
    metric_name: t?.metricName ?? null,
    metric_namespace: t?.metricNamespace ?? null,
    metric_value: t?.metricValue ?? null,
    metric_transformations: f.metricTransformations ?? [],
    metric_unit: t?.unit ?? null,
    metric_dimensions: t?.dimensions ?? {},
    metric_default_value: t?.defaultValue ?? null,
    creation_time: f.creationTime !== undefined ? new Date(f.creationTime) : null,
    pattern_syntax: a.syntax,
    pattern_error: a.error,
    parsed_pattern: a.parsed,
    matches_routine_traffic: a.matchesRoutine,
    covers: a.covers,
    missed_events: a.missed,
    raw: f,
  };
}
