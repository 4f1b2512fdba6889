import { CloudTrailClient, CreateTrailCommand, PutEventSelectorsCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, PutMetricFilterCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { runSync } from '../../../../sync/runner.js';
import { checkFindings } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../../support/moto.js';

// The whole 4.x chain built through the real APIs, synced from moto, and evaluated by the real SQL.
let moto: Moto;
let db: Database;
const account = '123456789012';

beforeAll(async () => {
  moto = await startMoto();
  const cfg = motoClientConfig(moto, 'us-east-1');
  await new S3Client(cfg).send(new CreateBucketCommand({ Bucket: 'chain-trail-logs' }));
  const logs = new CloudWatchLogsClient(cfg);
  await logs.send(new CreateLogGroupCommand({ logGroupName: 'cloudtrail/all' }));
  const trail = new CloudTrailClient(cfg);
  await trail.send(
    new CreateTrailCommand({
      Name: 'main-trail',
      S3BucketName: 'chain-trail-logs',
      IsMultiRegionTrail: true,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${account}:log-group:cloudtrail/all:*`,
      CloudWatchLogsRoleArn: `arn:aws:iam::${account}:role/trail-to-logs`,
    }),
  );
  await trail.send(new StartLoggingCommand({ Name: 'main-trail' }));
  // AWS returns a new trail's default selector; moto returns none, which Calabi reads literally: set it explicitly.
  await trail.send(new PutEventSelectorsCommand({ TrailName: 'main-trail', EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] }));
  await logs.send(
    new PutMetricFilterCommand({
      logGroupName: 'cloudtrail/all',
      filterName: 'cloudtrail-changes',
      filterPattern: '{ ($.eventName = StopLogging) || ($.eventName = DeleteTrail) || ($.eventName = "UpdateTrail") || ($.eventName = CreateTrail) || ($.eventName = StartLogging) }',
      metricTransformations: [{ metricName: 'CloudTrailChanges', metricNamespace: 'CISBenchmark', metricValue: '1' }],
    }),
  );
  await logs.send(
    new PutMetricFilterCommand({
      logGroupName: 'cloudtrail/all',
      filterName: 'root-usage',
      filterPattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
      metricTransformations: [{ metricName: 'RootUsage', metricNamespace: 'CISBenchmark', metricValue: '1' }],
    }),
  );
  const sns = new SNSClient(cfg);
  const subscribed = (await sns.send(new CreateTopicCommand({ Name: 'soc' }))).TopicArn!;
  await sns.send(new SubscribeCommand({ TopicArn: subscribed, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:${account}:soc` }));
  const unheard = (await sns.send(new CreateTopicCommand({ Name: 'nobody' }))).TopicArn!;
  const cw = new CloudWatchClient(cfg);
  const alarm = { Statistic: 'Sum', Period: 300, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', Namespace: 'CISBenchmark' } as const;
  await cw.send(new PutMetricAlarmCommand({ ...alarm, AlarmName: 'cloudtrail-changes', MetricName: 'CloudTrailChanges', AlarmActions: [subscribed] }));
  await cw.send(new PutMetricAlarmCommand({ ...alarm, AlarmName: 'root-usage', MetricName: 'RootUsage', AlarmActions: [unheard] }));

  db = await memoryDb();
  const result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['cloudtrail', 'logs', 'cloudwatch', 'sns'], regions: ['us-east-1', 'eu-west-1'] });
  expect(result.errors).toEqual([]);
}, 90_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('CIS monitoring chain over a moto-synced account', () => {
  it('stores each filter pattern parsed, with the requirements it covers', async () => {
    const rows = await db.all("SELECT filter_name, pattern_syntax, pattern_error, covers, parsed_pattern->>'$.syntax' AS parsed FROM aws_logs_metric_filters ORDER BY filter_name");
    expect(rows).toEqual([
      { filter_name: 'cloudtrail-changes', pattern_syntax: 'json', pattern_error: null, covers: ['cloudtrail_changes'], parsed: 'json' },
      { filter_name: 'root-usage', pattern_syntax: 'json', pattern_error: null, covers: ['root_usage'], parsed: 'json' },
    ]);
  });

  it('stores the alarm fields that decide whether one event fires it', async () => {
    const rows = await db.all("SELECT alarm_name, statistic, comparison_operator, threshold, evaluation_periods, datapoints_to_alarm, unit FROM aws_cloudwatch_alarms ORDER BY alarm_name");
    expect(rows[0]).toEqual({ alarm_name: 'cloudtrail-changes', statistic: 'Sum', comparison_operator: 'GreaterThanOrEqualToThreshold', threshold: 1, evaluation_periods: 1, datapoints_to_alarm: null, unit: null });
  });

  it('passes 3.1 for the multi-region logging trail recording all management events', async () => {
    expect(await checkFindings(db, 'cloudtrail_multi_region_enabled')).toEqual([]);
  });

  it('passes 4.5: filter, alarm and a subscribed topic on the trail log group', async () => {
    expect(await checkFindings(db, 'cloudwatch_alarm_cloudtrail_changes')).toEqual([]);
  });

  it('fails 4.3: the root-usage alarm notifies a topic nobody subscribed to', async () => {
    const rows = await checkFindings(db, 'cloudwatch_alarm_root_usage');
    expect(rows.map((r) => [r.resource_id, r.reason])).toEqual([
      [`arn:aws:iam::${account}:root`, "No alarm that fires on the matching filter's metric notifies an SNS topic with a confirmed subscription (alarms: root-usage)"],
    ]);
  });

  it('fails 4.4: no filter covers the IAM policy events', async () => {
    const rows = await checkFindings(db, 'cloudwatch_alarm_iam_policy_changes');
    expect(rows).toHaveLength(1);
    // Both filters miss all 16 IAM events; the tie is broken by filter id, the same way every run.
    expect(rows[0]!.reason).toBe(
      'The closest metric filter on the trail log group, cloudtrail/all:cloudtrail-changes, does not match eventName DeleteGroupPolicy, eventName DeleteRolePolicy, eventName DeleteUserPolicy, eventName PutGroupPolicy, eventName PutRolePolicy and 11 more',
    );
  });
});
