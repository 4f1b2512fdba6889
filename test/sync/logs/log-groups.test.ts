import { CloudWatchLogsClient, CreateLogGroupCommand, PutMetricFilterCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const account = '123456789012';
const trailPattern = '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }';

beforeAll(async () => {
  moto = await startMoto();
  const east = new CloudWatchLogsClient(motoClientConfig(moto, 'us-east-1'));
  await east.send(new CreateLogGroupCommand({ logGroupName: 'cloudtrail/all' }));
  await east.send(new PutRetentionPolicyCommand({ logGroupName: 'cloudtrail/all', retentionInDays: 365 }));
  await east.send(new CreateLogGroupCommand({ logGroupName: 'app/web' }));
  await east.send(
    new PutMetricFilterCommand({
      logGroupName: 'cloudtrail/all',
      filterName: 'cloudtrail-changes',
      filterPattern: trailPattern,
      metricTransformations: [{ metricName: 'CloudTrailChanges', metricNamespace: 'CISBenchmark', metricValue: '1' }],
    }),
  );
  await east.send(
    new PutMetricFilterCommand({
      logGroupName: 'app/web',
      filterName: 'errors',
      filterPattern: 'ERROR',
      metricTransformations: [{ metricName: 'AppErrors', metricNamespace: 'App', metricValue: '1' }],
    }),
  );
  await new CloudWatchLogsClient(motoClientConfig(moto, 'eu-west-1')).send(new CreateLogGroupCommand({ logGroupName: 'west/group' }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['logs'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('logs collectors', () => {
  it('lists log groups of each region with an ARN that has no trailing :*', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all("SELECT region, name, arn, retention_in_days, raw->>'$.logGroupName' AS raw_name FROM aws_logs_log_groups ORDER BY region, name");
    expect(rows).toEqual([
      { region: 'eu-west-1', name: 'west/group', arn: `arn:aws:logs:eu-west-1:${account}:log-group:west/group`, retention_in_days: null, raw_name: 'west/group' },
      { region: 'us-east-1', name: 'app/web', arn: `arn:aws:logs:us-east-1:${account}:log-group:app/web`, retention_in_days: null, raw_name: 'app/web' },
      { region: 'us-east-1', name: 'cloudtrail/all', arn: `arn:aws:logs:us-east-1:${account}:log-group:cloudtrail/all`, retention_in_days: 365, raw_name: 'cloudtrail/all' },
    ]);
  });

  it('lists every metric filter of the region with its pattern verbatim and its metric', async () => {
    const rows = await db.all(
      "SELECT region, filter_id, filter_name, log_group_name, filter_pattern, metric_name, metric_namespace, metric_value, json_array_length(metric_transformations) AS n FROM aws_logs_metric_filters ORDER BY filter_id",
    );
    expect(rows).toEqual([
      { region: 'us-east-1', filter_id: 'app/web:errors', filter_name: 'errors', log_group_name: 'app/web', filter_pattern: 'ERROR', metric_name: 'AppErrors', metric_namespace: 'App', metric_value: '1', n: 1 },
      {
        region: 'us-east-1',
        filter_id: 'cloudtrail/all:cloudtrail-changes',
        filter_name: 'cloudtrail-changes',
        log_group_name: 'cloudtrail/all',
        filter_pattern: trailPattern,
        metric_name: 'CloudTrailChanges',
        metric_namespace: 'CISBenchmark',
        metric_value: '1',
        n: 1,
      },
    ]);
  });

  it('stores each pattern parsed, with the CIS monitoring requirements it covers and the sample events it misses', async () => {
    const rows = await db.all(
      "SELECT filter_name, pattern_syntax, pattern_error, covers, matches_routine_traffic, missed_events->'$.cloudtrail_changes' AS missed, parsed_pattern->>'$.syntax' AS parsed FROM aws_logs_metric_filters ORDER BY filter_id",
    );
    expect(rows).toEqual([
      { filter_name: 'errors', pattern_syntax: 'terms', pattern_error: null, covers: [], matches_routine_traffic: false, missed: '["eventName CreateTrail","eventName UpdateTrail","eventName DeleteTrail","eventName StartLogging","eventName StopLogging"]', parsed: 'terms' },
      { filter_name: 'cloudtrail-changes', pattern_syntax: 'json', pattern_error: null, covers: ['cloudtrail_changes'], matches_routine_traffic: false, missed: '[]', parsed: 'json' },
    ]);
  });
});
