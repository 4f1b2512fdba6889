import { defineTable, type TableDef } from './table.js';

export const awsElasticacheReplicationGroups = defineTable({
  name: 'aws_elasticache_replication_groups',
  description: 'One row per ElastiCache (Redis OSS / Valkey) replication group of the region (DescribeReplicationGroups)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Replication group ARN' },
    { name: 'id', type: 'VARCHAR', description: 'Replication group id' },
    { name: 'status', type: 'VARCHAR', description: 'creating, available, modifying, deleting, …' },
    { name: 'engine', type: 'VARCHAR', description: 'redis or valkey' },
    { name: 'member_clusters', type: 'VARCHAR[]', description: 'Cache cluster ids of the group (their engine version is in aws_elasticache_clusters)' },
    { name: 'cluster_enabled', type: 'BOOLEAN', description: 'True for cluster mode enabled (sharded) groups' },
    { name: 'automatic_failover', type: 'VARCHAR', description: 'AutomaticFailover: enabled, disabled, enabling or disabling' },
    { name: 'multi_az', type: 'VARCHAR', description: 'MultiAZ: enabled or disabled' },
    { name: 'at_rest_encryption_enabled', type: 'BOOLEAN', description: 'True when data on disk is encrypted' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key for encryption at rest' },
    { name: 'transit_encryption_enabled', type: 'BOOLEAN', description: 'True when connections use TLS' },
    { name: 'transit_encryption_mode', type: 'VARCHAR', description: 'preferred (TLS and plain accepted) or required' },
    { name: 'auth_token_enabled', type: 'BOOLEAN', description: 'True when clients must send the Redis AUTH token' },
    { name: 'user_group_ids', type: 'VARCHAR[]', description: 'RBAC user groups associated with the group' },
    { name: 'snapshot_retention_limit', type: 'INTEGER', description: 'Days automatic backups are kept; 0 means automatic backups are off' },
    { name: 'auto_minor_version_upgrade', type: 'BOOLEAN', description: 'True when minor engine versions are applied automatically' },
  ],
});

export const awsElasticacheClusters = defineTable({
  name: 'aws_elasticache_clusters',
  description: 'One row per ElastiCache cache cluster (node group member or standalone, any engine) of the region (DescribeCacheClusters)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Cache cluster ARN' },
    { name: 'id', type: 'VARCHAR', description: 'Cache cluster id' },
    { name: 'status', type: 'VARCHAR', description: 'CacheClusterStatus: available, creating, …' },
    { name: 'engine', type: 'VARCHAR', description: 'redis, valkey or memcached' },
    { name: 'engine_version', type: 'VARCHAR', description: 'Engine version, e.g. 7.1 or 5.0.6' },
    { name: 'replication_group_id', type: 'VARCHAR', description: 'Replication group the cluster belongs to; NULL for a standalone cluster' },
    { name: 'cache_subnet_group_name', type: 'VARCHAR', description: "Subnet group of the cluster ('default' is the default subnet group)" },
    { name: 'auto_minor_version_upgrade', type: 'BOOLEAN', description: 'True when minor engine versions are applied automatically' },
    { name: 'snapshot_retention_limit', type: 'INTEGER', description: 'Days automatic backups are kept; 0 means automatic backups are off' },
    { name: 'at_rest_encryption_enabled', type: 'BOOLEAN', description: 'True when data on disk is encrypted' },
    { name: 'transit_encryption_enabled', type: 'BOOLEAN', description: 'True when connections use TLS' },
    { name: 'auth_token_enabled', type: 'BOOLEAN', description: 'True when clients must send the Redis AUTH token' },
  ],
});

export const tables: TableDef[] = [awsElasticacheReplicationGroups, awsElasticacheClusters];
