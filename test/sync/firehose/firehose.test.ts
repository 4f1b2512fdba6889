import { CreateDeliveryStreamCommand, FirehoseClient, StartDeliveryStreamEncryptionCommand, StopDeliveryStreamEncryptionCommand } from '@aws-sdk/client-firehose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const role = 'arn:aws:iam::123456789012:role/firehose';
const s3 = { RoleARN: role, BucketARN: 'arn:aws:s3:::calabi-firehose-target' };
const sourceArn = 'arn:aws:kinesis:us-east-1:123456789012:stream/source';

beforeAll(async () => {
  moto = await startMoto();
  const firehose = new FirehoseClient(motoClientConfig(moto, 'us-east-1'));
  const create = (name: string, extra: object = {}) =>
    firehose.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: name, ExtendedS3DestinationConfiguration: s3, ...extra }));
  await create('plain');
  await create('sealed');
  await create('from-kinesis', { DeliveryStreamType: 'KinesisStreamAsSource', KinesisStreamSourceConfiguration: { KinesisStreamARN: sourceArn, RoleARN: role } });
  // Eleven more: ListDeliveryStreams answers at most ten names a call, so the collector must continue from the last.
  for (let i = 0; i < 11; i++) await create(`bulk-${String(i).padStart(2, '0')}`);
  await firehose.send(new StartDeliveryStreamEncryptionCommand({ DeliveryStreamName: 'sealed', DeliveryStreamEncryptionConfigurationInput: { KeyType: 'AWS_OWNED_CMK' } }));
  await firehose.send(new StartDeliveryStreamEncryptionCommand({ DeliveryStreamName: 'plain', DeliveryStreamEncryptionConfigurationInput: { KeyType: 'AWS_OWNED_CMK' } }));
  await firehose.send(new StopDeliveryStreamEncryptionCommand({ DeliveryStreamName: 'plain' }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['firehose'], regions: ['us-east-1'] });
}, 90_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('Firehose delivery streams collector', () => {
  it('writes every stream, following the list past its ten-name pages, with its source and server-side encryption', async () => {
    expect(result.errors).toEqual([]);
    expect(result.rowsByTable.aws_firehose_delivery_streams).toBe(14);
    const rows = await db.all(
      "SELECT arn, name, stream_type, source_stream_arn, encryption_status, encryption_key_type, destination_types FROM aws_firehose_delivery_streams WHERE name NOT LIKE 'bulk-%' ORDER BY name",
    );
    expect(rows).toEqual([
      { arn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/from-kinesis', name: 'from-kinesis', stream_type: 'KinesisStreamAsSource', source_stream_arn: sourceArn, encryption_status: null, encryption_key_type: null, destination_types: ['extended_s3'] },
      { arn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/plain', name: 'plain', stream_type: 'DirectPut', source_stream_arn: null, encryption_status: 'DISABLED', encryption_key_type: 'AWS_OWNED_CMK', destination_types: ['extended_s3'] },
      { arn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/sealed', name: 'sealed', stream_type: 'DirectPut', source_stream_arn: null, encryption_status: 'ENABLED', encryption_key_type: 'AWS_OWNED_CMK', destination_types: ['extended_s3'] },
    ]);
  });

  it('fails the stream whose encryption was stopped and the one reading a Kinesis stream not in the inventory', async () => {
    const failing = (await checkFindings(db, 'firehose_delivery_stream_encrypted_at_rest')).map((r) => r.delivery_stream);
    expect(failing.filter((n) => !String(n).startsWith('bulk-'))).toEqual(['from-kinesis', 'plain']);
  });
});
