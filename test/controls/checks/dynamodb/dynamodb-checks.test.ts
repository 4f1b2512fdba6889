import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

const acct = '111111111111';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const table = (name: string, extra: Record<string, unknown>) => ({ arn: `arn:aws:dynamodb:us-east-1:${acct}:table/${name}`, name, ...extra });
const cluster = (name: string, extra: Record<string, unknown>) => ({ arn: `arn:aws:dax:us-east-1:${acct}:cache/${name}`, name, ...extra });
const reasons = async (id: string) => (await checkFindings(db, id)).map((r) => [String(r.resource_id).split('/').pop(), r.reason]);

describe('dynamodb_table_pitr_enabled', () => {
  const id = 'dynamodb_table_pitr_enabled';
  it('fails tables with point-in-time recovery disabled or unread', async () => {
    await seed(db, 'aws_dynamodb_tables', [table('a', { pitr_status: 'ENABLED' }), table('b', { pitr_status: 'DISABLED' }), table('c', { pitr_status: null })]);
    expect(await reasons(id)).toEqual([
      ['b', 'DynamoDB table b has point-in-time recovery DISABLED'],
      ['c', 'The point-in-time recovery status of DynamoDB table c could not be read'],
    ]);
  });
  it('passes tables with point-in-time recovery enabled', async () => {
    await seed(db, 'aws_dynamodb_tables', [table('a', { pitr_status: 'ENABLED' })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('dynamodb_table_deletion_protection_enabled', () => {
  const id = 'dynamodb_table_deletion_protection_enabled';
  it('fails tables without deletion protection', async () => {
    await seed(db, 'aws_dynamodb_tables', [table('a', { deletion_protection_enabled: true }), table('b', { deletion_protection_enabled: false }), table('c', { deletion_protection_enabled: null })]);
    expect(await reasons(id)).toEqual([
      ['b', 'DynamoDB table b has no deletion protection'],
      ['c', 'The deletion protection of DynamoDB table c could not be read'],
    ]);
  });
  it('passes protected tables', async () => {
    await seed(db, 'aws_dynamodb_tables', [table('a', { deletion_protection_enabled: true })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('dax_cluster_encrypted_at_rest', () => {
  const id = 'dax_cluster_encrypted_at_rest';
  it('fails clusters not (yet) encrypted at rest', async () => {
    await seed(db, 'aws_dax_clusters', [cluster('a', { sse_status: 'ENABLED' }), cluster('b', { sse_status: 'DISABLED' }), cluster('c', { sse_status: 'ENABLING' }), cluster('d', {})]);
    expect(await reasons(id)).toEqual([
      ['b', 'DAX cluster b is not encrypted at rest (status DISABLED)'],
      ['c', 'DAX cluster c is not encrypted at rest (status ENABLING)'],
      ['d', 'DAX cluster d is not encrypted at rest (no encryption reported)'],
    ]);
  });
  it('passes encrypted clusters', async () => {
    await seed(db, 'aws_dax_clusters', [cluster('a', { sse_status: 'ENABLED' })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('dax_cluster_encrypted_in_transit', () => {
  const id = 'dax_cluster_encrypted_in_transit';
  it('fails clusters whose endpoint does not use TLS', async () => {
    await seed(db, 'aws_dax_clusters', [cluster('a', { endpoint_encryption_type: 'TLS' }), cluster('b', { endpoint_encryption_type: 'NONE' })]);
    expect(await reasons(id)).toEqual([['b', 'DAX cluster b does not encrypt client connections (endpoint encryption NONE)']]);
  });
  it('passes clusters with a TLS endpoint', async () => {
    await seed(db, 'aws_dax_clusters', [cluster('a', { endpoint_encryption_type: 'TLS' })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('dynamodb_table_autoscaling_enabled', () => {
  const id = 'dynamodb_table_autoscaling_enabled';
  const provisioned = (name: string, indexes: string[]) => table(name, { status: 'ACTIVE', billing_mode: 'PROVISIONED', global_secondary_indexes: indexes });
  const target = (resource: string, dimension: string) => ({
    arn: `arn:aws:application-autoscaling:us-east-1:${acct}:scalable-target/${resource}/${dimension}`, service_namespace: 'dynamodb', resource_id: resource, scalable_dimension: dimension,
  });
  const scaled = (resource: string, kind: 'table' | 'index') => [target(resource, `dynamodb:${kind}:ReadCapacityUnits`), target(resource, `dynamodb:${kind}:WriteCapacityUnits`)];

  it('fails a provisioned table missing a scalable target for its own or an index’s capacity, and one that was not described', async () => {
    await seed(db, 'aws_dynamodb_tables', [
      provisioned('a-bare', []),
      provisioned('b-readonly', []),
      provisioned('c-index', ['by-date']),
      table('d-legacy', { status: 'ACTIVE', billing_mode: null, global_secondary_indexes: [] }),
      table('e-unread', { status: null, billing_mode: null, global_secondary_indexes: null }),
    ]);
    await seed(db, 'aws_applicationautoscaling_scalable_targets', [
      target('table/b-readonly', 'dynamodb:table:ReadCapacityUnits'),
      ...scaled('table/c-index', 'table'),
      // A target for the index under the table's dimension does not scale the index.
      target('table/c-index/index/by-date', 'dynamodb:table:ReadCapacityUnits'),
      target('table/c-index/index/by-date', 'dynamodb:index:WriteCapacityUnits'),
    ]);
    expect(await reasons(id)).toEqual([
      ['a-bare', 'DynamoDB table a-bare uses provisioned capacity without auto scaling for table/a-bare ReadCapacityUnits, table/a-bare WriteCapacityUnits'],
      ['b-readonly', 'DynamoDB table b-readonly uses provisioned capacity without auto scaling for table/b-readonly WriteCapacityUnits'],
      ['c-index', 'DynamoDB table c-index uses provisioned capacity without auto scaling for table/c-index/index/by-date ReadCapacityUnits'],
      ['d-legacy', 'DynamoDB table d-legacy uses provisioned capacity without auto scaling for table/d-legacy ReadCapacityUnits, table/d-legacy WriteCapacityUnits'],
      ['e-unread', 'DynamoDB table e-unread was not described: its capacity mode and indexes cannot be judged (sync again)'],
    ]);
  });

  it('passes an on-demand table, and a provisioned table whose capacity and every index’s is auto scaled', async () => {
    await seed(db, 'aws_dynamodb_tables', [
      table('ondemand', { status: 'ACTIVE', billing_mode: 'PAY_PER_REQUEST', global_secondary_indexes: ['gsi'] }),
      provisioned('scaled', ['gsi']),
    ]);
    await seed(db, 'aws_applicationautoscaling_scalable_targets', [...scaled('table/scaled', 'table'), ...scaled('table/scaled/index/gsi', 'index')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('does not count another account’s scalable target', async () => {
    await seed(db, 'aws_dynamodb_tables', [provisioned('t', [])]);
    await seed(db, 'aws_applicationautoscaling_scalable_targets', scaled('table/t', 'table').map((s) => ({ ...s, account_id: '222222222222' })));
    expect(await reasons(id)).toEqual([['t', 'DynamoDB table t uses provisioned capacity without auto scaling for table/t ReadCapacityUnits, table/t WriteCapacityUnits']]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
