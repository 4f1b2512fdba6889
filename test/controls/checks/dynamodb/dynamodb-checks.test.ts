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
