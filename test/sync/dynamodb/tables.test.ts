import { CreateClusterCommand, DAXClient } from '@aws-sdk/client-dax';
import { CreateTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const account = '123456789012';

const keySchema = { AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' as const }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }], BillingMode: 'PAY_PER_REQUEST' as const };

beforeAll(async () => {
  moto = await startMoto();
  const ddb = new DynamoDBClient(motoClientConfig(moto, 'us-east-1'));
  await ddb.send(new CreateTableCommand({ TableName: 'orders', ...keySchema, DeletionProtectionEnabled: true, SSESpecification: { Enabled: true, SSEType: 'KMS' }, Tags: [{ Key: 'backup', Value: 'daily' }, { Key: 'env', Value: '' }] }));
  await ddb.send(new CreateTableCommand({ TableName: 'scratch', ...keySchema }));
  await ddb.send(new UpdateContinuousBackupsCommand({ TableName: 'orders', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  const dax = new DAXClient(motoClientConfig(moto, 'us-east-1'));
  await dax.send(new CreateClusterCommand({ ClusterName: 'cache-tls', NodeType: 'dax.t3.small', ReplicationFactor: 1, IamRoleArn: `arn:aws:iam::${account}:role/dax`, SSESpecification: { Enabled: true }, ClusterEndpointEncryptionType: 'TLS' }));
  await dax.send(new CreateClusterCommand({ ClusterName: 'cache-plain', NodeType: 'dax.t3.small', ReplicationFactor: 1, IamRoleArn: `arn:aws:iam::${account}:role/dax` }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['dynamodb', 'dax'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('dynamodb tables collector', () => {
  it('writes each table with deletion protection, encryption and point-in-time recovery', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT region, arn, name, billing_mode, deletion_protection_enabled, sse_status, sse_type, pitr_status, raw->>\'$.Table.TableName\' AS raw_name FROM aws_dynamodb_tables ORDER BY name');
    expect(rows).toEqual([
      { region: 'us-east-1', arn: `arn:aws:dynamodb:us-east-1:${account}:table/orders`, name: 'orders', billing_mode: 'PAY_PER_REQUEST', deletion_protection_enabled: true, sse_status: 'ENABLED', sse_type: 'KMS', pitr_status: 'ENABLED', raw_name: 'orders' },
      { region: 'us-east-1', arn: `arn:aws:dynamodb:us-east-1:${account}:table/scratch`, name: 'scratch', billing_mode: 'PAY_PER_REQUEST', deletion_protection_enabled: false, sse_status: null, sse_type: null, pitr_status: 'DISABLED', raw_name: 'scratch' },
    ]);
  });

  it("writes each table's tags as a {key: value} object, an untagged table's as {}", async () => {
    const rows = (await db.all<{ name: string; tags: string }>('SELECT name, tags FROM aws_dynamodb_tables ORDER BY name')).map((r) => ({ name: r.name, tags: JSON.parse(r.tags) }));
    expect(rows).toEqual([{ name: 'orders', tags: { backup: 'daily', env: '' } }, { name: 'scratch', tags: {} }]);
  });

  it('marks every scanned region synced, the one without tables too', async () => {
    const scopes = await db.all("SELECT region, status FROM sync_scopes WHERE table_name = 'aws_dynamodb_tables' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });
});

describe('dax clusters collector', () => {
  it('writes each cluster with its encryption at rest and in transit', async () => {
    const rows = await db.all('SELECT region, name, sse_status, endpoint_encryption_type FROM aws_dax_clusters ORDER BY name');
    expect(rows).toEqual([
      { region: 'us-east-1', name: 'cache-plain', sse_status: 'DISABLED', endpoint_encryption_type: 'NONE' },
      { region: 'us-east-1', name: 'cache-tls', sse_status: 'ENABLED', endpoint_encryption_type: 'TLS' },
    ]);
  });
});

describe('dynamodb tables collector, when a per-table call fails', () => {
  it('records DescribeContinuousBackups failing as an item error: the table keeps a row without a PITR status and its scope is in error', async () => {
    // moto cannot refuse the call, so a middleware does (AccessDenied, as a missing dynamodb:DescribeContinuousBackups would).
    const deny = (client: unknown, service: string) => {
      if (service !== 'DynamoDB') return;
      (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
        (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
          if (context.commandName === 'DescribeContinuousBackupsCommand') {
            throw Object.assign(new Error('not authorized to perform dynamodb:DescribeContinuousBackups'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
          }
          return next(args);
        },
        { step: 'initialize', name: 'denyContinuousBackups' },
      );
    };
    const again = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['dynamodb'], regions: ['us-east-1'], configureClient: deny });
    expect(again.errors.map((e) => [e.operation, e.code])).toEqual([
      ['DescribeContinuousBackups', 'AccessDeniedException'],
      ['DescribeContinuousBackups', 'AccessDeniedException'],
    ]);
    expect(await db.all('SELECT name, pitr_status, deletion_protection_enabled FROM aws_dynamodb_tables ORDER BY name')).toEqual([
      { name: 'orders', pitr_status: null, deletion_protection_enabled: true },
      { name: 'scratch', pitr_status: null, deletion_protection_enabled: false },
    ]);
    expect(await db.one("SELECT status FROM sync_scopes WHERE table_name = 'aws_dynamodb_tables' AND region = 'us-east-1'")).toEqual({ status: 'error' });
  });

  it('records ListTagsOfResource failing as an item error: the table keeps a row with unknown tags and its scope is in error', async () => {
    const deny = (client: unknown, service: string) => {
      if (service !== 'DynamoDB') return;
      (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
        (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
          if (context.commandName === 'ListTagsOfResourceCommand') {
            throw Object.assign(new Error('not authorized to perform dynamodb:ListTagsOfResource'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
          }
          return next(args);
        },
        { step: 'initialize', name: 'denyTags' },
      );
    };
    const again = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['dynamodb'], regions: ['us-east-1'], configureClient: deny });
    expect(again.errors.map((e) => [e.operation, e.code])).toEqual([
      ['ListTagsOfResource', 'AccessDeniedException'],
      ['ListTagsOfResource', 'AccessDeniedException'],
    ]);
    expect(await db.all('SELECT name, tags, pitr_status FROM aws_dynamodb_tables ORDER BY name')).toEqual([
      { name: 'orders', tags: null, pitr_status: 'ENABLED' },
      { name: 'scratch', tags: null, pitr_status: 'DISABLED' },
    ]);
    expect(await db.one("SELECT status FROM sync_scopes WHERE table_name = 'aws_dynamodb_tables' AND region = 'us-east-1'")).toEqual({ status: 'error' });
  });
});
