import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const groupArn = (id: string) => `arn:aws:elasticache:us-east-1:111111111111:replicationgroup:${id}`;
const clusterArn = (id: string) => `arn:aws:elasticache:us-east-1:111111111111:cluster:${id}`;
const group = (id: string, extra: Row) => seed(db, 'aws_elasticache_replication_groups', [{ arn: groupArn(id), id, engine: 'redis', ...extra }]);
const cluster = (id: string, extra: Row) => seed(db, 'aws_elasticache_clusters', [{ arn: clusterArn(id), id, ...extra }]);
const reasons = async (id: string) => (await checkFindings(db, id)).map((r) => [r.resource_id, r.reason]);

describe('elasticache_redis_automatic_backups', () => {
  const id = 'elasticache_redis_automatic_backups';
  it('fails groups and standalone Redis/Valkey clusters without automatic backups', async () => {
    await group('nobackup', { snapshot_retention_limit: 0 });
    await group('unknown', { snapshot_retention_limit: null });
    await group('backed', { snapshot_retention_limit: 1 });
    await cluster('solo', { engine: 'valkey', snapshot_retention_limit: 0 });
    await cluster('member', { engine: 'redis', replication_group_id: 'backed', snapshot_retention_limit: 0 });
    await cluster('memo', { engine: 'memcached', snapshot_retention_limit: 0 });
    expect(await reasons(id)).toEqual([
      [clusterArn('solo'), 'ElastiCache cluster solo has no automatic backups (retention 0 days)'],
      [groupArn('nobackup'), 'ElastiCache replication group nobackup has no automatic backups (retention 0 days)'],
      [groupArn('unknown'), 'The backup retention of ElastiCache replication group unknown was not reported'],
    ]);
  });
  it('passes a retention of a day or more', async () => {
    await group('backed', { snapshot_retention_limit: 1 });
    await cluster('solo', { engine: 'redis', snapshot_retention_limit: 7 });
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('elasticache_redis_auto_minor_version_upgrade', () => {
  const id = 'elasticache_redis_auto_minor_version_upgrade';
  it('fails Redis/Valkey clusters that do not upgrade automatically or do not say', async () => {
    await cluster('off', { engine: 'redis', auto_minor_version_upgrade: false });
    await cluster('unknown', { engine: 'valkey' });
    await cluster('memo', { engine: 'memcached', auto_minor_version_upgrade: false });
    expect(await reasons(id)).toEqual([
      [clusterArn('off'), 'ElastiCache cluster off does not apply minor version upgrades automatically'],
      [clusterArn('unknown'), 'The minor version upgrade setting of ElastiCache cluster unknown was not reported'],
    ]);
  });
  it('passes clusters that upgrade automatically', async () => {
    await cluster('on', { engine: 'redis', auto_minor_version_upgrade: true });
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('elasticache_replication_group_automatic_failover', () => {
  const id = 'elasticache_replication_group_automatic_failover';
  it('fails groups with failover disabled, still enabling, or not reported', async () => {
    await group('off', { automatic_failover: 'disabled' });
    await group('soon', { automatic_failover: 'enabling' });
    await group('unknown', {});
    await group('on', { automatic_failover: 'enabled' });
    expect(await reasons(id)).toEqual([
      [groupArn('off'), 'ElastiCache replication group off has automatic failover disabled'],
      [groupArn('soon'), 'ElastiCache replication group soon has automatic failover enabling'],
      [groupArn('unknown'), 'The automatic failover status of ElastiCache replication group unknown was not reported'],
    ]);
  });
  it('passes groups with failover enabled', async () => {
    await group('on', { automatic_failover: 'enabled' });
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe.each([
  ['elasticache_replication_group_encrypted_at_rest', 'at_rest_encryption_enabled', 'is not encrypted at rest', 'encryption at rest'],
  ['elasticache_replication_group_encrypted_in_transit', 'transit_encryption_enabled', 'is not encrypted in transit', 'encryption in transit'],
])('%s', (id, column, bad, what) => {
  it(`fails groups with ${column} false or not reported`, async () => {
    await group('off', { [column]: false });
    await group('unknown', {});
    await group('on', { [column]: true });
    expect(await reasons(id)).toEqual([
      [groupArn('off'), `ElastiCache replication group off ${bad}`],
      [groupArn('unknown'), `The ${what} setting of ElastiCache replication group unknown was not reported`],
    ]);
  });
  it(`passes groups with ${column} true`, async () => {
    await group('on', { [column]: true });
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('elasticache_replication_group_redis_auth_before_6', () => {
  const id = 'elasticache_replication_group_redis_auth_before_6';
  it('fails groups before 6.0 without AUTH, and groups without AUTH whose version is unknown', async () => {
    await group('old', { auth_token_enabled: false });
    await cluster('old-001', { engine: 'redis', engine_version: '5.0.6', replication_group_id: 'old' });
    await group('mystery', {});
    await group('new', { auth_token_enabled: false });
    await cluster('new-001', { engine: 'redis', engine_version: '7.1', replication_group_id: 'new' });
    expect(await reasons(id)).toEqual([
      [groupArn('mystery'), 'ElastiCache replication group mystery does not use Redis AUTH and its engine version is unknown'],
      [groupArn('old'), 'ElastiCache replication group old runs Redis 5.0.6 without Redis AUTH'],
    ]);
  });
  it('passes old groups with AUTH and groups on 6.0 or later', async () => {
    await group('old', { auth_token_enabled: true });
    await cluster('old-001', { engine: 'redis', engine_version: '4.0.10', replication_group_id: 'old' });
    await group('six', { auth_token_enabled: false, user_group_ids: ['app-users'] });
    await cluster('six-001', { engine: 'redis', engine_version: '6.0', replication_group_id: 'six' });
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('elasticache_cluster_not_default_subnet_group', () => {
  const id = 'elasticache_cluster_not_default_subnet_group';
  it('fails clusters in the default subnet group or whose group was not reported', async () => {
    await cluster('dflt', { engine: 'memcached', cache_subnet_group_name: 'default' });
    await cluster('unknown', { engine: 'redis' });
    await cluster('private', { engine: 'redis', cache_subnet_group_name: 'private-subnets' });
    expect(await reasons(id)).toEqual([
      [clusterArn('dflt'), 'ElastiCache cluster dflt uses the default subnet group'],
      [clusterArn('unknown'), 'The subnet group of ElastiCache cluster unknown was not reported'],
    ]);
  });
  it('passes clusters in a subnet group of their own', async () => {
    await cluster('private', { engine: 'redis', cache_subnet_group_name: 'private-subnets' });
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
