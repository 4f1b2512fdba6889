import { ElastiCacheClient, paginateDescribeCacheClusters, type CacheCluster } from '@aws-sdk/client-elasticache';
import { awsElasticacheClusters } from '../../schema/elasticache.js';
import type { Collector } from '../types.js';

/**
 * DescribeCacheClusters returns every cache cluster, replication group members included, with its engine version,
 * subnet group, upgrade and backup settings: no per-cluster call.
 */
export const clustersCollector: Collector = {
  service: 'elasticache',
  name: 'clusters',
  scope: 'regional',
  tables: [awsElasticacheClusters],
  async collect(ctx) {
    const client = ctx.client(ElastiCacheClient);
    const clusters: CacheCluster[] = [];
    for await (const page of paginateDescribeCacheClusters({ client }, { MaxRecords: 100 })) clusters.push(...(page.CacheClusters ?? []));
    const rows = clusters.map((c) => ({
      arn: c.ARN ?? `arn:${ctx.partition}:elasticache:${ctx.region}:${ctx.accountId}:cluster:${c.CacheClusterId}`,
      id: c.CacheClusterId ?? null,
      status: c.CacheClusterStatus ?? null,
      engine: c.Engine ?? null,
      engine_version: c.EngineVersion ?? null,
      replication_group_id: c.ReplicationGroupId ?? null,
      cache_subnet_group_name: c.CacheSubnetGroupName ?? null,
      auto_minor_version_upgrade: c.AutoMinorVersionUpgrade ?? null,
      snapshot_retention_limit: c.SnapshotRetentionLimit ?? null,
      at_rest_encryption_enabled: c.AtRestEncryptionEnabled ?? null,
      transit_encryption_enabled: c.TransitEncryptionEnabled ?? null,
      auth_token_enabled: c.AuthTokenEnabled ?? null,
      raw: c,
    }));
    return { [awsElasticacheClusters.name]: rows };
  },
};
