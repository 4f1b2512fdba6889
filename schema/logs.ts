import { defineTable, type TableDef } from './table.js';

export const awsLogsLogGroups = defineTable({
  name: 'aws_logs_log_groups',
  description: 'One row per CloudWatch Logs log group of the region',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Log group ARN without the trailing :* (the form CloudTrail and IAM policies use has it)' },
    { name: 'name', type: 'VARCHAR', description: 'Log group name' },
    { name: 'creation_time', type: 'TIMESTAMP', description: 'When the group was created' },
    { name: 'retention_in_days', type: 'INTEGER', description: 'Retention; NULL means events never expire' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key encrypting the group, if any' },
    { name: 'stored_bytes', type: 'BIGINT', description: 'Bytes stored' },
    { name: 'metric_filter_count', type: 'INTEGER', description: 'Number of metric filters on the group' },
    { name: 'log_group_class', type: 'VARCHAR', description: 'STANDARD, INFREQUENT_ACCESS or DELIVERY' },
  ],
});

export const awsLogsMetricFilters = defineTable({
  name: 'aws_logs_metric_filters',
  description: 'One row per CloudWatch Logs metric filter of the region: the pattern it matches and the metric it publishes',
  scope: 'regional',
  resourceId: 'filter_id',
  columns: [
    { name: 'filter_id', type: 'VARCHAR', description: '<log group name>:<filter name>, unique in the region' },
    { name: 'filter_name', type: 'VARCHAR', description: 'Metric filter name' },
    { name: 'log_group_name', type: 'VARCHAR', description: 'Log group the filter reads' },
    { name: 'filter_pattern', type: 'VARCHAR', description: 'The filter pattern, verbatim' },
    { name: 'metric_name', type: 'VARCHAR', description: 'Metric the filter publishes (first metric transformation)' },
    { name: 'metric_namespace', type: 'VARCHAR', description: 'Namespace of that metric' },
    { name: 'metric_value', type: 'VARCHAR', description: 'Value published per match (usually 1)' },
    { name: 'metric_transformations', type: 'JSON', description: 'Every metric transformation, as returned' },
    { name: 'metric_unit', type: 'VARCHAR', description: 'Unit of the published metric (first transformation); NULL means None' },
    { name: 'metric_dimensions', type: 'JSON', description: 'Dimensions the filter publishes the metric with (first transformation); {} when none' },
    { name: 'metric_default_value', type: 'DOUBLE', description: 'Value published for events the pattern does not match; NULL when none' },
    { name: 'creation_time', type: 'TIMESTAMP', description: 'When the filter was created' },
    { name: 'pattern_syntax', type: 'VARCHAR', description: "How the pattern parsed (sync/monitoring/filter-pattern.ts): empty, json, terms, space-delimited, or invalid" },
    { name: 'pattern_error', type: 'VARCHAR', description: 'Why the pattern did not parse; NULL when it did' },
    { name: 'parsed_pattern', type: 'JSON', description: 'The parsed pattern tree (JSON expressions, terms), as Calabi evaluates it' },
    { name: 'matches_routine_traffic', type: 'BOOLEAN', description: 'True when the pattern also matches a routine successful read call, so an alarm on it never leaves ALARM' },
    { name: 'covers', type: 'VARCHAR[]', description: 'CIS monitoring requirements (sync/monitoring/requirements) whose every sample CloudTrail event the pattern matches; NULL when synced before Calabi analysed patterns' },
    { name: 'missed_events', type: 'JSON', description: 'Per monitoring requirement, the sample events the pattern does not match' },
  ],
});

export const tables: TableDef[] = [awsLogsLogGroups, awsLogsMetricFilters];
