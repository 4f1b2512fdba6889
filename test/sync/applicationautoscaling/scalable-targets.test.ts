import { ApplicationAutoScalingClient, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;

const key = { AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' as const }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }] };
const throughput = { ReadCapacityUnits: 5, WriteCapacityUnits: 5 };
const gsi = (IndexName: string) => ({ IndexName, KeySchema: key.KeySchema, Projection: { ProjectionType: 'KEYS_ONLY' as const }, ProvisionedThroughput: throughput });

beforeAll(async () => {
  moto = await startMoto();
  const cfg = motoClientConfig(moto, 'us-east-1');
  const ddb = new DynamoDBClient(cfg);
  await ddb.send(new CreateTableCommand({ TableName: 'ondemand', ...key, BillingMode: 'PAY_PER_REQUEST' }));
  await ddb.send(new CreateTableCommand({ TableName: 'scaled', ...key, BillingMode: 'PROVISIONED', ProvisionedThroughput: throughput, GlobalSecondaryIndexes: [gsi('by-owner')] }));
  await ddb.send(new CreateTableCommand({ TableName: 'half', ...key, BillingMode: 'PROVISIONED', ProvisionedThroughput: throughput, GlobalSecondaryIndexes: [gsi('by-date')] }));
  await ddb.send(new CreateTableCommand({ TableName: 'fixed', ...key, BillingMode: 'PROVISIONED', ProvisionedThroughput: throughput }));
  const aas = new ApplicationAutoScalingClient(cfg);
  const register = (ResourceId: string, ScalableDimension: 'dynamodb:table:ReadCapacityUnits' | 'dynamodb:table:WriteCapacityUnits' | 'dynamodb:index:ReadCapacityUnits' | 'dynamodb:index:WriteCapacityUnits') =>
    aas.send(new RegisterScalableTargetCommand({ ServiceNamespace: 'dynamodb', ResourceId, ScalableDimension, MinCapacity: 5, MaxCapacity: 100 }));
  for (const t of ['table/scaled', 'table/half']) {
    await register(t, 'dynamodb:table:ReadCapacityUnits');
    await register(t, 'dynamodb:table:WriteCapacityUnits');
  }
  await register('table/scaled/index/by-owner', 'dynamodb:index:ReadCapacityUnits');
  await register('table/scaled/index/by-owner', 'dynamodb:index:WriteCapacityUnits');
  await register('table/half/index/by-date', 'dynamodb:index:ReadCapacityUnits');
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['dynamodb', 'applicationautoscaling'], regions: ['us-east-1', 'eu-west-1'] });
}, 90_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('Application Auto Scaling scalable targets collector', () => {
  it('writes each DynamoDB scalable target with its dimension and bounds', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT region, service_namespace, resource_id, scalable_dimension, min_capacity, max_capacity FROM aws_applicationautoscaling_scalable_targets ORDER BY resource_id, scalable_dimension');
    const row = (resource_id: string, scalable_dimension: string) => ({ region: 'us-east-1', service_namespace: 'dynamodb', resource_id, scalable_dimension, min_capacity: 5, max_capacity: 100 });
    expect(rows).toEqual([
      row('table/half', 'dynamodb:table:ReadCapacityUnits'),
      row('table/half', 'dynamodb:table:WriteCapacityUnits'),
      row('table/half/index/by-date', 'dynamodb:index:ReadCapacityUnits'),
      row('table/scaled', 'dynamodb:table:ReadCapacityUnits'),
      row('table/scaled', 'dynamodb:table:WriteCapacityUnits'),
      row('table/scaled/index/by-owner', 'dynamodb:index:ReadCapacityUnits'),
      row('table/scaled/index/by-owner', 'dynamodb:index:WriteCapacityUnits'),
    ]);
  });

  it('gives each DynamoDB table the names of its global secondary indexes', async () => {
    const rows = await db.all('SELECT name, billing_mode, global_secondary_indexes FROM aws_dynamodb_tables ORDER BY name');
    expect(rows).toEqual([
      { name: 'fixed', billing_mode: 'PROVISIONED', global_secondary_indexes: [] },
      { name: 'half', billing_mode: 'PROVISIONED', global_secondary_indexes: ['by-date'] },
      { name: 'ondemand', billing_mode: 'PAY_PER_REQUEST', global_secondary_indexes: [] },
      { name: 'scaled', billing_mode: 'PROVISIONED', global_secondary_indexes: ['by-owner'] },
    ]);
  });

  it('fails the provisioned tables whose capacity or an index’s is not auto scaled', async () => {
    expect((await checkFindings(db, 'dynamodb_table_autoscaling_enabled')).map((r) => [r.table_name, r.reason])).toEqual([
      ['fixed', 'DynamoDB table fixed uses provisioned capacity without auto scaling for table/fixed ReadCapacityUnits, table/fixed WriteCapacityUnits'],
      ['half', 'DynamoDB table half uses provisioned capacity without auto scaling for table/half/index/by-date WriteCapacityUnits'],
    ]);
  });
});
