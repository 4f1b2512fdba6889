import { defineTable, type TableDef } from './table.js';

export const awsRdsDbInstances = defineTable({
  name: 'aws_rds_db_instances',
  description: 'One row per RDS DB instance (Aurora cluster members included)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'DB instance ARN' },
    { name: 'db_instance_identifier', type: 'VARCHAR', description: 'DB instance name' },
    { name: 'engine', type: 'VARCHAR', description: 'Database engine, e.g. postgres, mysql, aurora-mysql' },
    { name: 'engine_version', type: 'VARCHAR', description: 'Engine version' },
    { name: 'db_instance_class', type: 'VARCHAR', description: 'Instance class, e.g. db.t3.micro' },
    { name: 'status', type: 'VARCHAR', description: 'available, creating, stopped, …' },
    { name: 'storage_encrypted', type: 'BOOLEAN', description: 'True when the storage is encrypted at rest' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key encrypting the storage' },
    { name: 'auto_minor_version_upgrade', type: 'BOOLEAN', description: 'True when minor engine upgrades are applied automatically' },
    { name: 'publicly_accessible', type: 'BOOLEAN', description: 'True when the endpoint resolves to a public address; NULL when AWS did not say' },
    { name: 'multi_az', type: 'BOOLEAN', description: 'True for a Multi-AZ deployment' },
    { name: 'availability_zone', type: 'VARCHAR', description: 'Availability zone of the instance (the primary, for Multi-AZ)' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC of the DB subnet group' },
    { name: 'db_subnet_group_name', type: 'VARCHAR', description: 'DB subnet group' },
    { name: 'db_cluster_identifier', type: 'VARCHAR', description: 'Aurora/Multi-AZ cluster the instance belongs to, if any' },
    { name: 'endpoint_address', type: 'VARCHAR', description: 'DNS name of the endpoint' },
    { name: 'endpoint_port', type: 'INTEGER', description: 'Port of the endpoint' },
    { name: 'backup_retention_period', type: 'INTEGER', description: 'Days automated backups are kept (0 = off)' },
    { name: 'deletion_protection', type: 'BOOLEAN', description: 'True when the instance cannot be deleted' },
    { name: 'iam_database_authentication_enabled', type: 'BOOLEAN', description: 'True when IAM authentication is on' },
    { name: 'security_group_ids', type: 'VARCHAR[]', description: 'VPC security groups of the instance' },
    { name: 'instance_create_time', type: 'TIMESTAMP', description: 'When the instance was created' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const awsRdsDbClusters = defineTable({
  name: 'aws_rds_db_clusters',
  description: 'One row per DB cluster of the region (Aurora, Multi-AZ DB clusters, and Neptune/DocumentDB as the RDS API lists them)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'DB cluster ARN' },
    { name: 'db_cluster_identifier', type: 'VARCHAR', description: 'Cluster name' },
    { name: 'engine', type: 'VARCHAR', description: 'aurora-mysql, aurora-postgresql, mysql, postgres, neptune, docdb, …' },
    { name: 'engine_version', type: 'VARCHAR', description: 'Engine version' },
    { name: 'engine_mode', type: 'VARCHAR', description: 'provisioned, serverless, parallelquery, global, multimaster' },
    { name: 'status', type: 'VARCHAR', description: 'available, creating, stopped, …' },
    { name: 'multi_az', type: 'BOOLEAN', description: "DescribeDBClusters MultiAZ: true when the cluster has instances in more than one availability zone; NULL when AWS did not say" },
    { name: 'availability_zones', type: 'VARCHAR[]', description: 'Zones where instances of the cluster can be created' },
    { name: 'member_instance_ids', type: 'VARCHAR[]', description: 'DB instances of the cluster (DBClusterMembers)' },
    { name: 'storage_encrypted', type: 'BOOLEAN', description: 'True when the cluster storage is encrypted' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key encrypting the storage' },
    { name: 'deletion_protection', type: 'BOOLEAN', description: 'True when the cluster cannot be deleted' },
    { name: 'backup_retention_period', type: 'INTEGER', description: 'Days automated backups are kept' },
    { name: 'cluster_create_time', type: 'TIMESTAMP', description: 'When the cluster was created' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const tables: TableDef[] = [awsRdsDbInstances, awsRdsDbClusters];
