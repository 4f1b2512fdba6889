import { defineTable, type TableDef } from './table.js';

export const awsDmsReplicationInstances = defineTable({
  name: 'aws_dms_replication_instances',
  description: 'One row per AWS DMS replication instance of the region (DescribeReplicationInstances)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Replication instance ARN' },
    { name: 'identifier', type: 'VARCHAR', description: 'Replication instance identifier' },
    { name: 'instance_class', type: 'VARCHAR', description: 'Compute class, e.g. dms.t3.medium' },
    { name: 'status', type: 'VARCHAR', description: 'available, creating, modifying, …' },
    { name: 'engine_version', type: 'VARCHAR', description: 'DMS engine version' },
    { name: 'publicly_accessible', type: 'BOOLEAN', description: 'The instance has a public IP address; NULL when not reported' },
    { name: 'auto_minor_version_upgrade', type: 'BOOLEAN', description: 'Minor engine upgrades are applied in the maintenance window; NULL when not reported' },
    { name: 'multi_az', type: 'BOOLEAN', description: 'A standby replica runs in another Availability Zone; NULL when not reported' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key that encrypts the storage' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC of the replication subnet group' },
  ],
});

export const awsDmsEndpoints = defineTable({
  name: 'aws_dms_endpoints',
  description: 'One row per AWS DMS endpoint of the region (DescribeEndpoints; AWS returns no passwords)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Endpoint ARN' },
    { name: 'identifier', type: 'VARCHAR', description: 'Endpoint identifier' },
    { name: 'endpoint_type', type: 'VARCHAR', description: 'SOURCE or TARGET' },
    { name: 'engine_name', type: 'VARCHAR', description: 'Database engine, e.g. mysql, postgres, s3, dynamodb' },
    { name: 'server_name', type: 'VARCHAR', description: 'Host of the database' },
    { name: 'ssl_mode', type: 'VARCHAR', description: 'none, require, verify-ca or verify-full; NULL when not reported' },
    { name: 'status', type: 'VARCHAR', description: 'Endpoint status' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key that encrypts the connection parameters' },
  ],
});

export const awsDmsReplicationTasks = defineTable({
  name: 'aws_dms_replication_tasks',
  description: 'One row per AWS DMS replication task of the region (DescribeReplicationTasks, settings parsed)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Replication task ARN' },
    { name: 'identifier', type: 'VARCHAR', description: 'Replication task identifier' },
    { name: 'migration_type', type: 'VARCHAR', description: 'full-load, cdc or full-load-and-cdc' },
    { name: 'status', type: 'VARCHAR', description: 'Task status' },
    { name: 'replication_instance_arn', type: 'VARCHAR', description: 'Replication instance that runs the task' },
    { name: 'source_endpoint_arn', type: 'VARCHAR', description: 'Source endpoint' },
    { name: 'target_endpoint_arn', type: 'VARCHAR', description: 'Target endpoint' },
    { name: 'logging_enabled', type: 'BOOLEAN', description: 'Task settings Logging.EnableLogging; NULL when the settings were not reported or not JSON' },
    { name: 'source_capture_severity', type: 'VARCHAR', description: 'Logging severity of the SOURCE_CAPTURE component, e.g. LOGGER_SEVERITY_DEFAULT; NULL when absent' },
    { name: 'source_unload_severity', type: 'VARCHAR', description: 'Logging severity of the SOURCE_UNLOAD component; NULL when absent' },
    { name: 'target_apply_severity', type: 'VARCHAR', description: 'Logging severity of the TARGET_APPLY component; NULL when absent' },
    { name: 'target_load_severity', type: 'VARCHAR', description: 'Logging severity of the TARGET_LOAD component; NULL when absent' },
  ],
});

export const tables: TableDef[] = [awsDmsReplicationInstances, awsDmsEndpoints, awsDmsReplicationTasks];
