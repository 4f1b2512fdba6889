import { CreateStreamCommand, KinesisClient, StartStreamEncryptionCommand } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;

beforeAll(async () => {
  moto = await startMoto();
  // The seeding client defaults to HTTP/2, which moto_server does not speak; the sync's own client uses HTTP/1.1.
  const kinesis = new KinesisClient({ ...motoClientConfig(moto, 'us-east-1'), requestHandler: new NodeHttpHandler() });
  await kinesis.send(new CreateStreamCommand({ StreamName: 'plain', ShardCount: 1 }));
  await kinesis.send(new CreateStreamCommand({ StreamName: 'sealed', ShardCount: 1 }));
  await kinesis.send(new StartStreamEncryptionCommand({ StreamName: 'sealed', EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['kinesis'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('kinesis streams collector', () => {
  it('writes each stream with its server-side encryption', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT arn, region, name, encryption_type, kms_key_id, retention_period_hours FROM aws_kinesis_streams ORDER BY name');
    expect(rows).toEqual([
      { arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/plain', region: 'us-east-1', name: 'plain', encryption_type: 'NONE', kms_key_id: null, retention_period_hours: 24 },
      { arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/sealed', region: 'us-east-1', name: 'sealed', encryption_type: 'KMS', kms_key_id: 'alias/aws/kinesis', retention_period_hours: 24 },
    ]);
    const scopes = await db.all("SELECT region, status FROM sync_scopes WHERE table_name = 'aws_kinesis_streams' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });
});
