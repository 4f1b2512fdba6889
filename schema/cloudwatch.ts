import { defineTable, type TableDef } from './table.js';

export const awsCloudwatchAlarms = defineTable({
  name: 'aws_cloudwatch_alarms',
  description: 'One row per CloudWatch metric alarm of the region: the metric it watches and whom it notifies',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Alarm ARN' },
    { name: 'alarm_name', type: 'VARCHAR', description: 'Alarm name' },
    { name: 'metric_name', type: 'VARCHAR', description: 'Metric watched; NULL for an alarm on a metric math expression' },
    { name: 'namespace', type: 'VARCHAR', description: 'Namespace of that metric' },
    { name: 'statistic', type: 'VARCHAR', description: 'Sum, Average, … or an extended statistic such as p99' },
    { name: 'comparison_operator', type: 'VARCHAR', description: 'How the statistic is compared with the threshold' },
    { name: 'threshold', type: 'DOUBLE', description: 'Alarm threshold' },
    { name: 'period', type: 'INTEGER', description: 'Period in seconds' },
    { name: 'evaluation_periods', type: 'INTEGER', description: 'Periods evaluated' },
    { name: 'datapoints_to_alarm', type: 'INTEGER', description: 'Breaching datapoints within the evaluation periods that put the alarm in ALARM; NULL means evaluation_periods' },
    { name: 'treat_missing_data', type: 'VARCHAR', description: 'missing, notBreaching, breaching or ignore; NULL means missing' },
    { name: 'unit', type: 'VARCHAR', description: 'Unit the alarm restricts its metric to; NULL when any' },
    { name: 'actions_enabled', type: 'BOOLEAN', description: 'False when the alarm takes no action on state changes' },
    { name: 'alarm_actions', type: 'VARCHAR[]', description: 'ARNs notified when the alarm fires (SNS topics, Auto Scaling, …)' },
    { name: 'ok_actions', type: 'VARCHAR[]', description: 'ARNs notified on return to OK' },
    { name: 'insufficient_data_actions', type: 'VARCHAR[]', description: 'ARNs notified on INSUFFICIENT_DATA' },
    { name: 'state_value', type: 'VARCHAR', description: 'OK, ALARM or INSUFFICIENT_DATA' },
    { name: 'dimensions', type: 'JSON', description: 'Metric dimensions' },
    { name: 'metrics', type: 'JSON', description: 'Metric math queries, for alarms that use them' },
  ],
});

export const tables: TableDef[] = [awsCloudwatchAlarms];
