import type { Database, Row } from '../../../../schema/db.js';
import { metricFilterRow } from '../../../../sync/logs/log-groups.js';
import { seed } from '../../../support/checks.js';

export const account = '111111111111';
export const root = `arn:aws:iam::${account}:root`;
export const topic = `arn:aws:sns:us-east-1:${account}:security-alerts`;
export const logGroupArn = `arn:aws:logs:us-east-1:${account}:log-group:cloudtrail/all:*`;

export interface Chain {
  pattern: string;
  trail?: Row;
  /** Overrides of the metric transformation (metricValue, dimensions, unit). */
  metric?: Record<string, unknown>;
  alarm?: Row | null;
  subscription?: Row | null;
}

/**
 * One account with the whole 4.x chain as sync stores it: the metric filter row is built by the collector's own
 * metricFilterRow, so its coverage is what a real sync would compute from the pattern.
 */
export async function seedChain(db: Database, c: Chain): Promise<void> {
  await seed(db, 'aws_accounts', [{ arn: `arn:aws:::${account}`, partition: 'aws' }]);
  await seed(db, 'aws_cloudtrail_trails', [
    {
      arn: `arn:aws:cloudtrail:us-east-1:${account}:trail/main`,
      name: 'main',
      home_region: 'us-east-1',
      is_multi_region: true,
      is_logging: true,
      selectors_source: 'classic',
      include_management_events: true,
      read_write_type: 'All',
      excluded_management_event_sources: [],
      cloudwatch_logs_log_group_arn: logGroupArn,
      ...c.trail,
    },
  ]);
  await seed(db, 'aws_logs_metric_filters', [
    metricFilterRow({
      filterName: 'cis',
      logGroupName: 'cloudtrail/all',
      filterPattern: c.pattern,
      metricTransformations: [{ metricName: 'CisMetric', metricNamespace: 'CISBenchmark', metricValue: '1', ...c.metric }],
    }),
  ]);
  if (c.alarm !== null) {
    await seed(db, 'aws_cloudwatch_alarms', [
      {
        arn: `arn:aws:cloudwatch:us-east-1:${account}:alarm:cis`,
        alarm_name: 'cis',
        metric_name: 'CisMetric',
        namespace: 'CISBenchmark',
        statistic: 'Sum',
        comparison_operator: 'GreaterThanOrEqualToThreshold',
        threshold: 1,
        period: 300,
        evaluation_periods: 1,
        actions_enabled: true,
        alarm_actions: [topic],
        dimensions: [],
        ...c.alarm,
      },
    ]);
  }
  if (c.subscription !== null) {
    await seed(db, 'aws_sns_subscriptions', [{ subscription_arn: `${topic}:0d1e`, topic_arn: topic, protocol: 'email', endpoint: 'soc@example.com', confirmed: true, ...c.subscription }]);
  }
}
