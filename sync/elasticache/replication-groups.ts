import { ElastiCacheClient, paginateDescribeReplicationGroups, type ReplicationGroup } from '@aws-sdk/client-elasticache';
import { awsElasticacheReplicationGroups } from '../../schema/elasticache.js';
import type { Collector } from '../types.js';

/** DescribeReplicationGroups returns every group with its encryption, auth, failover and backup settings: no per-group call. */
export const replicationGroupsCollector: Collector = {
  service: 'elasticache',
  name: 'replication-groups',
  scope: 'regional',
  tables: [awsElasticacheReplicationGroups],
  async collect(ctx) {
    const client = ctx.client(ElastiCacheClient);
    const groups: ReplicationGroup[] = [];
    for await (const page of paginateDescribeReplicationGroups({ client }, { MaxRecords: 100 })) groups.push(...(page.ReplicationGroups ?? []));
    const rows = groups.map((g) => ({
      arn: g.ARN ?? `arn:${ctx.partition}:elasticache:${ctx.region}:${ctx.accountId}:replicationgroup:${g.ReplicationGroupId}`,
      id: g.ReplicationGroupId ?? null,
      status: g.Status ?? null,
      engine: g.Engine ?? null,
      member_clusters: g.MemberClusters ?? [],
      cluster_enabled: g.ClusterEnabled ?? null,
      automatic_failover: g.AutomaticFailover ?? null,
      multi_az: g.MultiAZ ?? null,
      at_rest_encryption_enabled: g.AtRestEncryptionEnabled ?? null,
      kms_key_id: g.KmsKeyId ?? null,
      transit_encryption_enabled: g.TransitEncryptionEnabled ?? null,
      transit_encryption_mode: g.TransitEncryptionMode ?? null,
      auth_token_enabled: g.AuthTokenEnabled ?? null,
      user_group_ids: g.UserGroupIds ?? [],
      snapshot_retention_limit: g.SnapshotRetentionLimit ?? null,
      auto_minor_version_upgrade: g.AutoMinorVersionUpgrade ?? null,
      raw: g,
    }));
    return { [awsElasticacheReplicationGroups.name]: rows };
  },
};
