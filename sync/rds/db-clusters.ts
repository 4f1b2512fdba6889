import { paginateDescribeDBClusters, RDSClient, type DBCluster } from '@aws-sdk/client-rds';
import { awsRdsDbClusters } from '../../schema/rds.js';
import { allItems, listCollector, tagMap } from '../ec2/shared.js';

/** DescribeDBClusters pages every cluster with its members and MultiAZ flag: one list call, no per-item calls. */
export const dbClustersCollector = listCollector<DBCluster>({
  service: 'rds',
  name: 'db-clusters',
  table: awsRdsDbClusters,
  list: (ctx) => allItems(paginateDescribeDBClusters({ client: ctx.client(RDSClient) }, {}), (p) => p.DBClusters),
  row: (c, ctx) => ({
    arn: c.DBClusterArn ?? `arn:${ctx.partition}:rds:${ctx.region}:${ctx.accountId}:cluster:${c.DBClusterIdentifier}`,
    db_cluster_identifier: c.DBClusterIdentifier ?? null,
    engine: c.Engine ?? null,
    engine_version: c.EngineVersion ?? null,
    engine_mode: c.EngineMode ?? null,
    status: c.Status ?? null,
    multi_az: c.MultiAZ ?? null,
    availability_zones: c.AvailabilityZones ?? [],
    member_instance_ids: (c.DBClusterMembers ?? []).map((m) => m.DBInstanceIdentifier).filter((m): m is string => !!m),
    storage_encrypted: c.StorageEncrypted ?? null,
    kms_key_id: c.KmsKeyId ?? null,
    deletion_protection: c.DeletionProtection ?? null,
    backup_retention_period: c.BackupRetentionPeriod ?? null,
    cluster_create_time: c.ClusterCreateTime ?? null,
    iam_database_authentication_enabled: c.IAMDatabaseAuthenticationEnabled ?? null,
    copy_tags_to_snapshot: c.CopyTagsToSnapshot ?? null,
    enabled_cloudwatch_logs_exports: c.EnabledCloudwatchLogsExports ?? [],
    master_username: c.MasterUsername ?? null,
    port: c.Port ?? null,
    backtrack_window: c.BacktrackWindow ?? null,
    auto_minor_version_upgrade: c.AutoMinorVersionUpgrade ?? null,
    tags: tagMap(c.TagList),
  }),
});
