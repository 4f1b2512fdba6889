import { CloudTrailClient, CreateTrailCommand, PutEventSelectorsCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
let keyArn: string;
const account = '123456789012';

beforeAll(async () => {
  moto = await startMoto();
  const s3 = new S3Client(motoClientConfig(moto));
  await s3.send(new CreateBucketCommand({ Bucket: 'calabi-trail-logs' }));
  await new CloudWatchLogsClient(motoClientConfig(moto)).send(new CreateLogGroupCommand({ logGroupName: 'cloudtrail/all' }));
  keyArn = (await new KMSClient(motoClientConfig(moto)).send(new CreateKeyCommand({ Description: 'trail key' }))).KeyMetadata!.Arn!;

  const east = new CloudTrailClient(motoClientConfig(moto, 'us-east-1'));
  await east.send(
    new CreateTrailCommand({
      Name: 'org-wide',
      S3BucketName: 'calabi-trail-logs',
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      KmsKeyId: keyArn,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${account}:log-group:cloudtrail/all:*`,
      CloudWatchLogsRoleArn: `arn:aws:iam::${account}:role/cloudtrail-to-logs`,
    }),
  );
  await east.send(new StartLoggingCommand({ Name: 'org-wide' }));
  // Advanced selectors: all management events plus S3 object events on every bucket.
  await east.send(new CreateTrailCommand({ Name: 'data-events', S3BucketName: 'calabi-trail-logs', IsMultiRegionTrail: true }));
  await east.send(
    new PutEventSelectorsCommand({
      TrailName: 'data-events',
      AdvancedEventSelectors: [
        { Name: 'management', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
        { Name: 's3 objects', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] },
      ],
    }),
  );

  const west = new CloudTrailClient(motoClientConfig(moto, 'eu-west-1'));
  await west.send(new CreateTrailCommand({ Name: 'west-only', S3BucketName: 'calabi-trail-logs' }));
  await west.send(
    new PutEventSelectorsCommand({
      TrailName: 'west-only',
      EventSelectors: [
        { ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::calabi-trail-logs/'] }] },
      ],
    }),
  );

  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['cloudtrail'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('cloudtrail trails collector', () => {
  it('syncs without errors and writes each trail once, in its home region', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT name, region, home_region, is_multi_region FROM aws_cloudtrail_trails ORDER BY name');
    expect(rows).toEqual([
      { name: 'data-events', region: 'us-east-1', home_region: 'us-east-1', is_multi_region: true },
      { name: 'org-wide', region: 'us-east-1', home_region: 'us-east-1', is_multi_region: true },
      { name: 'west-only', region: 'eu-west-1', home_region: 'eu-west-1', is_multi_region: false },
    ]);
  });

  it('records logging status, validation, KMS key and the CloudWatch Logs delivery', async () => {
    const row = await db.one(
      `SELECT arn, account_id, is_logging, log_file_validation_enabled, s3_bucket_name, kms_key_id, cloudwatch_logs_log_group_arn,
              cloudwatch_logs_role_arn, has_insight_selectors, raw->>'$.trail.Name' AS raw_name, raw->'$.status'->>'IsLogging' AS raw_logging
       FROM aws_cloudtrail_trails WHERE name = 'org-wide'`,
    );
    expect(row).toEqual({
      arn: `arn:aws:cloudtrail:us-east-1:${account}:trail/org-wide`,
      account_id: account,
      is_logging: true,
      log_file_validation_enabled: true,
      s3_bucket_name: 'calabi-trail-logs',
      kms_key_id: keyArn,
      cloudwatch_logs_log_group_arn: `arn:aws:logs:us-east-1:${account}:log-group:cloudtrail/all:*`,
      cloudwatch_logs_role_arn: `arn:aws:iam::${account}:role/cloudtrail-to-logs`,
      has_insight_selectors: false,
      raw_name: 'org-wide',
      raw_logging: 'true',
    });
    const stopped = await db.one<{ is_logging: boolean; log_file_validation_enabled: boolean; kms_key_id: string | null }>(
      "SELECT is_logging, log_file_validation_enabled, kms_key_id FROM aws_cloudtrail_trails WHERE name = 'west-only'",
    );
    expect(stopped).toEqual({ is_logging: false, log_file_validation_enabled: false, kms_key_id: null });
  });

  it('reads a trail whose GetEventSelectors answer holds no selector literally: it records no events', async () => {
    // moto returns no selectors for a new trail where AWS would return its default one; an empty answer is not
    // taken for that default (the checks fail closed on it).
    const row = await db.one(
      "SELECT selectors_source, include_management_events, read_write_type, excluded_management_event_sources, s3_object_write_arns, event_selectors FROM aws_cloudtrail_trails WHERE name = 'org-wide'",
    );
    expect(row).toEqual({
      selectors_source: 'none',
      include_management_events: false,
      read_write_type: null,
      excluded_management_event_sources: [],
      s3_object_write_arns: [],
      event_selectors: '[]',
    });
  });

  it('interprets classic selectors: write-only management events and one bucket of object writes', async () => {
    const row = await db.one(
      "SELECT selectors_source, include_management_events, read_write_type, s3_object_write_arns, s3_object_read_arns, event_selectors->'$[0]'->>'ReadWriteType' AS rw FROM aws_cloudtrail_trails WHERE name = 'west-only'",
    );
    expect(row).toEqual({
      selectors_source: 'classic',
      include_management_events: true,
      read_write_type: 'WriteOnly',
      s3_object_write_arns: ['arn:aws:s3:::calabi-trail-logs/'],
      s3_object_read_arns: [],
      rw: 'WriteOnly',
    });
  });

  it('interprets advanced selectors: management events and S3 object reads and writes on every bucket', async () => {
    const row = await db.one(
      "SELECT selectors_source, read_write_type, s3_object_write_arns, s3_object_read_arns, json_array_length(advanced_event_selectors) AS n FROM aws_cloudtrail_trails WHERE name = 'data-events'",
    );
    expect(row).toEqual({ selectors_source: 'advanced', read_write_type: 'All', s3_object_write_arns: ['arn:aws:s3:::'], s3_object_read_arns: ['arn:aws:s3:::'], n: 2 });
  });

  it('still reads a multi-region trail whose home region is not scanned, once, from the first scanned region', async () => {
    const partial = await memoryDb();
    const r = await runSync({ db: partial, credentials: testCredentials, endpoint: moto.endpoint, services: ['cloudtrail'], regions: ['eu-west-1'] });
    expect(r.errors).toEqual([]);
    const rows = await partial.all('SELECT name, region, home_region, is_logging, selectors_source, read_write_type FROM aws_cloudtrail_trails ORDER BY name');
    expect(rows).toEqual([
      { name: 'data-events', region: 'eu-west-1', home_region: 'us-east-1', is_logging: false, selectors_source: 'advanced', read_write_type: 'All' },
      { name: 'org-wide', region: 'eu-west-1', home_region: 'us-east-1', is_logging: true, selectors_source: 'none', read_write_type: null },
      { name: 'west-only', region: 'eu-west-1', home_region: 'eu-west-1', is_logging: false, selectors_source: 'classic', read_write_type: 'WriteOnly' },
    ]);
    partial.close();
  });
});
