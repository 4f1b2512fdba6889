import { CreateCacheClusterCommand, CreateReplicationGroupCommand, ElastiCacheClient } from '@aws-sdk/client-elasticache';
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
  const ec = new ElastiCacheClient(motoClientConfig(moto, 'us-east-1'));
  await ec.send(new CreateReplicationGroupCommand({
    ReplicationGroupId: 'sessions', ReplicationGroupDescription: 'sessions', Engine: 'redis', EngineVersion: '7.1', CacheNodeType: 'cache.t3.micro',
    NumCacheClusters: 2, AutomaticFailoverEnabled: true, MultiAZEnabled: true, AtRestEncryptionEnabled: true, TransitEncryptionEnabled: true,
    AuthToken: 'a-long-enough-auth-token-1234', SnapshotRetentionLimit: 7, AutoMinorVersionUpgrade: true,
  }));
  await ec.send(new CreateReplicationGroupCommand({
    ReplicationGroupId: 'legacy', ReplicationGroupDescription: 'legacy', Engine: 'redis', EngineVersion: '5.0.6', CacheNodeType: 'cache.t3.micro', NumCacheClusters: 1,
  }));
  await ec.send(new CreateCacheClusterCommand({
    CacheClusterId: 'memo', Engine: 'memcached', EngineVersion: '1.6.22', CacheNodeType: 'cache.t3.micro', NumCacheNodes: 1, AutoMinorVersionUpgrade: false,
  }));
  await ec.send(new CreateCacheClusterCommand({
    CacheClusterId: 'solo', Engine: 'redis', EngineVersion: '6.2', CacheNodeType: 'cache.t3.micro', NumCacheNodes: 1, SnapshotRetentionLimit: 3, CacheSubnetGroupName: 'app-subnets', AutoMinorVersionUpgrade: true,
  }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['elasticache'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('elasticache collectors', () => {
  it('writes each replication group with its encryption, auth, failover, backup and upgrade settings', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all(
      `SELECT arn, engine, automatic_failover, multi_az, at_rest_encryption_enabled, transit_encryption_enabled, auth_token_enabled,
              snapshot_retention_limit
       FROM aws_elasticache_replication_groups ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        arn: `arn:aws:elasticache:us-east-1:${account}:replicationgroup:legacy`, engine: 'redis', automatic_failover: 'disabled', multi_az: 'disabled',
        at_rest_encryption_enabled: false, transit_encryption_enabled: false, auth_token_enabled: false, snapshot_retention_limit: 0,
      },
      {
        arn: `arn:aws:elasticache:us-east-1:${account}:replicationgroup:sessions`, engine: 'redis', automatic_failover: 'enabled', multi_az: 'enabled',
        at_rest_encryption_enabled: true, transit_encryption_enabled: true, auth_token_enabled: true, snapshot_retention_limit: 7,
      },
    ]);
  });

  // moto leaves out the subnet group of a cluster created without one (AWS reports 'default') and does not list a
  // replication group's member clusters in DescribeCacheClusters; the check tests cover both.
  it('writes each cache cluster with its engine version, subnet group, upgrade and backup settings', async () => {
    const rows = await db.all('SELECT arn, engine, engine_version, cache_subnet_group_name, auto_minor_version_upgrade, snapshot_retention_limit FROM aws_elasticache_clusters WHERE replication_group_id IS NULL ORDER BY id');
    expect(rows).toEqual([
      { arn: `arn:aws:elasticache:us-east-1:${account}:cluster:memo`, engine: 'memcached', engine_version: '1.6.22', cache_subnet_group_name: null, auto_minor_version_upgrade: false, snapshot_retention_limit: 0 },
      { arn: `arn:aws:elasticache:us-east-1:${account}:cluster:solo`, engine: 'redis', engine_version: '6.2', cache_subnet_group_name: 'app-subnets', auto_minor_version_upgrade: true, snapshot_retention_limit: 3 },
    ]);
  });
});
