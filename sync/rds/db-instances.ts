import { paginateDescribeDBInstances, RDSClient, type DBInstance } from '@aws-sdk/client-rds';
import type { SyncContext } from '../types.js';
import { awsRdsDbInstances } from '../../schema/rds.js';
import { allItems, listCollector, tagMap } from '../ec2/shared.js';

/** The region's DB instances, described once per sync for the instances and parameter groups collectors (SyncContext.shared). */
export function dbInstances(ctx: SyncContext): Promise<DBInstance[]> {
  return ctx.shared('DescribeDBInstances', () => allItems(paginateDescribeDBInstances({ client: ctx.client(RDSClient) }, {}), (p) => p.DBInstances));
}

export const dbInstancesCollector = listCollector<DBInstance>({
  service: 'rds',
  name: 'db-instances',
  table: awsRdsDbInstances,
  list: dbInstances,
  row: (d, ctx) => ({
    arn: d.DBInstanceArn ?? `arn:${ctx.partition}:rds:${ctx.region}:${ctx.accountId}:db:${d.DBInstanceIdentifier}`,
    db_instance_identifier: d.DBInstanceIdentifier ?? null,
    engine: d.Engine ?? null,
    engine_version: d.EngineVersion ?? null,
    db_instance_class: d.DBInstanceClass ?? null,
    status: d.DBInstanceStatus ?? null,
    storage_encrypted: d.StorageEncrypted ?? false,
    kms_key_id: d.KmsKeyId ?? null,
    auto_minor_version_upgrade: d.AutoMinorVersionUpgrade ?? null,
    // AWS always answers this; NULL (moto, when not given at creation) means unknown, not private.
    publicly_accessible: d.PubliclyAccessible ?? null,
    multi_az: d.MultiAZ ?? null,
    availability_zone: d.AvailabilityZone ?? null,
    vpc_id: d.DBSubnetGroup?.VpcId ?? null,
    db_subnet_group_name: d.DBSubnetGroup?.DBSubnetGroupName ?? null,
    db_cluster_identifier: d.DBClusterIdentifier ?? null,
    endpoint_address: d.Endpoint?.Address ?? null,
    endpoint_port: d.Endpoint?.Port ?? null,
    backup_retention_period: d.BackupRetentionPeriod ?? null,
    deletion_protection: d.DeletionProtection ?? null,
    iam_database_authentication_enabled: d.IAMDatabaseAuthenticationEnabled ?? null,
    security_group_ids: (d.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId).filter((g): g is string => !!g),
    instance_create_time: d.InstanceCreateTime ?? null,
    monitoring_interval: d.MonitoringInterval ?? null,
    enabled_cloudwatch_logs_exports: d.EnabledCloudwatchLogsExports ?? [],
    copy_tags_to_snapshot: d.CopyTagsToSnapshot ?? null,
    master_username: d.MasterUsername ?? null,
    read_replica_source: d.ReadReplicaSourceDBInstanceIdentifier ?? d.ReadReplicaSourceDBClusterIdentifier ?? null,
    db_parameter_groups: (d.DBParameterGroups ?? []).map((g) => g.DBParameterGroupName).filter((g): g is string => !!g),
    tags: tagMap(d.TagList),
  }),
});
