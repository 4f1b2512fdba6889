import { ConfigServiceClient, PutConfigurationRecorderCommand, PutDeliveryChannelCommand, StartConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const account = '123456789012';

beforeAll(async () => {
  moto = await startMoto();
  await new S3Client(motoClientConfig(moto)).send(new CreateBucketCommand({ Bucket: 'calabi-config' }));
  const east = new ConfigServiceClient(motoClientConfig(moto, 'us-east-1'));
  await east.send(
    new PutConfigurationRecorderCommand({
      ConfigurationRecorder: { name: 'default', roleARN: `arn:aws:iam::${account}:role/config`, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } },
    }),
  );
  await east.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: 'calabi-config', s3KeyPrefix: 'cfg' } }));
  await east.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
  // eu-west-1: a recorder of two resource types, never started.
  await new ConfigServiceClient(motoClientConfig(moto, 'eu-west-1')).send(
    new PutConfigurationRecorderCommand({
      ConfigurationRecorder: {
        name: 'partial',
        roleARN: `arn:aws:iam::${account}:role/config`,
        recordingGroup: { allSupported: false, includeGlobalResourceTypes: false, resourceTypes: ['AWS::EC2::Instance', 'AWS::S3::Bucket'] },
      },
    }),
  );
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['config'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('config collectors', () => {
  it('records each region recorder with its recording group and status', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all(
      'SELECT region, arn, name, all_supported, include_global_resource_types, resource_types, recording, last_status, raw->\'$.recorder\'->>\'name\' AS raw_name FROM aws_config_recorders ORDER BY region',
    );
    expect(rows).toEqual([
      {
        region: 'eu-west-1',
        arn: `arn:aws:config:eu-west-1:${account}:config-recorder/partial`,
        name: 'partial',
        all_supported: false,
        include_global_resource_types: false,
        resource_types: ['AWS::EC2::Instance', 'AWS::S3::Bucket'],
        recording: false,
        last_status: null,
        raw_name: 'partial',
      },
      {
        region: 'us-east-1',
        arn: `arn:aws:config:us-east-1:${account}:config-recorder/default`,
        name: 'default',
        all_supported: true,
        include_global_resource_types: true,
        resource_types: [],
        recording: true,
        last_status: 'PENDING', // moto never moves past PENDING
        raw_name: 'default',
      },
    ]);
  });

  it('records delivery channels per region', async () => {
    const rows = await db.all('SELECT region, name, s3_bucket_name, s3_key_prefix, sns_topic_arn FROM aws_config_delivery_channels');
    expect(rows).toEqual([{ region: 'us-east-1', name: 'default', s3_bucket_name: 'calabi-config', s3_key_prefix: 'cfg', sns_topic_arn: null }]);
  });
});
