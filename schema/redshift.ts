import { defineTable, type TableDef } from './table.js';

export const awsRedshiftClusters = defineTable({
  name: 'aws_redshift_clusters',
  description: 'One row per provisioned Redshift cluster of the region, with its audit logging status (DescribeClusters, DescribeLoggingStatus)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Cluster ARN (arn:<partition>:redshift:<region>:<account>:cluster:<identifier>)' },
    { name: 'identifier', type: 'VARCHAR', description: 'Cluster identifier' },
    { name: 'status', type: 'VARCHAR', description: 'ClusterStatus: available, creating, paused, …' },
    { name: 'node_type', type: 'VARCHAR', description: 'Node type, e.g. ra3.xlplus' },
    { name: 'publicly_accessible', type: 'BOOLEAN', description: 'True when the cluster has a public DNS name and IP' },
    { name: 'encrypted', type: 'BOOLEAN', description: 'True when the cluster is encrypted at rest' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key that encrypts the cluster' },
    { name: 'enhanced_vpc_routing', type: 'BOOLEAN', description: 'True when COPY and UNLOAD traffic goes through the VPC' },
    { name: 'allow_version_upgrade', type: 'BOOLEAN', description: 'True when major version upgrades are applied in the maintenance window' },
    { name: 'automated_snapshot_retention_period', type: 'INTEGER', description: 'Days automated snapshots are kept; 0 means automated snapshots are off' },
    { name: 'master_username', type: 'VARCHAR', description: 'Admin user name' },
    { name: 'db_name', type: 'VARCHAR', description: 'Name of the initial database' },
    { name: 'port', type: 'INTEGER', description: 'Port the cluster listens on (Endpoint.Port)' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC of the cluster' },
    { name: 'parameter_group_names', type: 'VARCHAR[]', description: 'Cluster parameter groups applied to the cluster' },
    { name: 'logging_enabled', type: 'BOOLEAN', description: 'Audit logging on (DescribeLoggingStatus LoggingEnabled); NULL when it could not be read' },
    { name: 'log_destination_type', type: 'VARCHAR', description: 's3 or cloudwatch' },
    { name: 'log_bucket', type: 'VARCHAR', description: 'S3 bucket the audit logs go to' },
  ],
});

export const awsRedshiftParameterGroups = defineTable({
  name: 'aws_redshift_parameter_groups',
  description: 'One row per cluster parameter group a cluster of the region uses, with the parameters the checks read (DescribeClusterParameters)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Parameter group ARN (arn:<partition>:redshift:<region>:<account>:parametergroup:<name>)' },
    { name: 'name', type: 'VARCHAR', description: 'Parameter group name' },
    { name: 'require_ssl', type: 'BOOLEAN', description: 'Parameter require_ssl: connections must use TLS; NULL when the group does not report it' },
    { name: 'enable_user_activity_logging', type: 'BOOLEAN', description: 'Parameter enable_user_activity_logging' },
    { name: 'parameters', type: 'JSON', description: 'Every parameter as a {name: value} object' },
  ],
});

export const tables: TableDef[] = [awsRedshiftClusters, awsRedshiftParameterGroups];
