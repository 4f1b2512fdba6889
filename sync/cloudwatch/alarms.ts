import { CloudWatchClient, paginateDescribeAlarms, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { awsCloudwatchAlarms } from '../../schema/cloudwatch.js';
import type { Collector } from '../types.js';

/**
 * Metric alarms of the region. The installed @aws-sdk/client-cloudwatch speaks AWS JSON 1.0 (awsQueryCompatible),
 * which moto_server understands; should a future SDK default to Smithy RPCv2 CBOR, which moto does not speak,
 * the sync test against moto fails and the client must be pinned to AwsJson1_0Protocol here.
 * Composite alarms watch other alarms, not metrics, so they are not listed.
 */
export const alarmsCollector: Collector = {
  service: 'cloudwatch',
  name: 'alarms',
  scope: 'regional',
  tables: [awsCloudwatchAlarms],
  async collect(ctx) {
    const client = ctx.client(CloudWatchClient);
    const alarms: MetricAlarm[] = [];
    for await (const page of paginateDescribeAlarms({ client }, {})) alarms.push(...(page.MetricAlarms ?? []));
    const rows = alarms.map((a) => ({
      arn: a.AlarmArn ?? null,
      alarm_name: a.AlarmName ?? null,
      metric_name: a.MetricName ?? null,
      namespace: a.Namespace ?? null,
      statistic: a.Statistic ?? a.ExtendedStatistic ?? null,
      comparison_operator: a.ComparisonOperator ?? null,
      threshold: a.Threshold ?? null,
      period: a.Period ?? null,
      evaluation_periods: a.EvaluationPeriods ?? null,
      datapoints_to_alarm: a.DatapointsToAlarm ?? null,
      treat_missing_data: a.TreatMissingData ?? null,
      unit: a.Unit ?? null,
      actions_enabled: a.ActionsEnabled ?? true,
      alarm_actions: a.AlarmActions ?? [],
      ok_actions: a.OKActions ?? [],
      insufficient_data_actions: a.InsufficientDataActions ?? [],
      state_value: a.StateValue ?? null,
      dimensions: a.Dimensions ?? [],
      metrics: a.Metrics ?? [],
      raw: a,
    }));
    return { [awsCloudwatchAlarms.name]: rows };
  },
};
