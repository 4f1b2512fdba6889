import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const account = '123456789012';
const topic = `arn:aws:sns:us-east-1:${account}:security-alerts`;

beforeAll(async () => {
  moto = await startMoto();
  const east = new CloudWatchClient(motoClientConfig(moto, 'us-east-1'));
  const alarm = { Statistic: 'Sum', Period: 300, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' } as const;
  await east.send(new PutMetricAlarmCommand({ ...alarm, AlarmName: 'cloudtrail-changes', MetricName: 'CloudTrailChanges', Namespace: 'CISBenchmark', AlarmActions: [topic] }));
  await east.send(new PutMetricAlarmCommand({ ...alarm, AlarmName: 'silent', MetricName: 'RootUsage', Namespace: 'CISBenchmark', ActionsEnabled: false }));
  await east.send(
    new PutMetricAlarmCommand({ ...alarm, AlarmName: 'strict', MetricName: 'Denied', Namespace: 'CISBenchmark', EvaluationPeriods: 3, DatapointsToAlarm: 2, TreatMissingData: 'breaching', Unit: 'Count', Statistic: undefined, ExtendedStatistic: 'p90' }),
  );
  await new CloudWatchClient(motoClientConfig(moto, 'eu-west-1')).send(
    new PutMetricAlarmCommand({ ...alarm, AlarmName: 'west', MetricName: 'Other', Namespace: 'App', AlarmActions: [topic.replace('us-east-1', 'eu-west-1')] }),
  );
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['cloudwatch'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('cloudwatch alarms collector', () => {
  it('lists metric alarms per region with the metric they watch and their actions (over the JSON protocol moto speaks)', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all(
      "SELECT region, alarm_name, arn, metric_name, namespace, actions_enabled, alarm_actions, threshold, period, raw->>'$.AlarmName' AS raw_name FROM aws_cloudwatch_alarms WHERE alarm_name <> 'strict' ORDER BY region, alarm_name",
    );
    expect(rows).toEqual([
      { region: 'eu-west-1', alarm_name: 'west', arn: `arn:aws:cloudwatch:eu-west-1:${account}:alarm:west`, metric_name: 'Other', namespace: 'App', actions_enabled: true, alarm_actions: [topic.replace('us-east-1', 'eu-west-1')], threshold: 1, period: 300, raw_name: 'west' },
      { region: 'us-east-1', alarm_name: 'cloudtrail-changes', arn: `arn:aws:cloudwatch:us-east-1:${account}:alarm:cloudtrail-changes`, metric_name: 'CloudTrailChanges', namespace: 'CISBenchmark', actions_enabled: true, alarm_actions: [topic], threshold: 1, period: 300, raw_name: 'cloudtrail-changes' },
      { region: 'us-east-1', alarm_name: 'silent', arn: `arn:aws:cloudwatch:us-east-1:${account}:alarm:silent`, metric_name: 'RootUsage', namespace: 'CISBenchmark', actions_enabled: false, alarm_actions: [], threshold: 1, period: 300, raw_name: 'silent' },
    ]);
  });

  it('stores what decides whether one event fires an alarm: datapoints to alarm, missing data, unit, extended statistic', async () => {
    const row = await db.one("SELECT statistic, evaluation_periods, datapoints_to_alarm, treat_missing_data, unit FROM aws_cloudwatch_alarms WHERE alarm_name = 'strict'");
    expect(row).toEqual({ statistic: 'p90', evaluation_periods: 3, datapoints_to_alarm: 2, treat_missing_data: 'breaching', unit: 'Count' });
  });
});
