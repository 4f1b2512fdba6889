import { defineTable, type TableDef } from './table.js';

export const awsEfsFileSystems = defineTable({
  name: 'aws_efs_file_systems',
  description: 'One row per EFS file system',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'File system ARN' },
    { name: 'file_system_id', type: 'VARCHAR', description: 'File system id (fs-…)' },
    { name: 'name', type: 'VARCHAR', description: 'Value of the Name tag, if any' },
    { name: 'encrypted', type: 'BOOLEAN', description: 'True when the file system is encrypted at rest' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key encrypting the file system' },
    { name: 'life_cycle_state', type: 'VARCHAR', description: 'creating, available, updating, deleting, deleted or error' },
    { name: 'performance_mode', type: 'VARCHAR', description: 'generalPurpose or maxIO' },
    { name: 'throughput_mode', type: 'VARCHAR', description: 'bursting, provisioned or elastic' },
    { name: 'number_of_mount_targets', type: 'INTEGER', description: 'Mount targets of the file system' },
    { name: 'size_in_bytes', type: 'BIGINT', description: 'Metered size in bytes (latest known)' },
    { name: 'creation_time', type: 'TIMESTAMP', description: 'When the file system was created' },
    { name: 'owner_id', type: 'VARCHAR', description: 'Account that owns the file system' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
    { name: 'backup_policy_status', type: 'VARCHAR', description: "Automatic backups (DescribeBackupPolicy): ENABLED, ENABLING, DISABLED (also when the file system has no backup policy) or DISABLING; NULL when it could not be read" },
  ],
});

export const awsEfsAccessPoints = defineTable({
  name: 'aws_efs_access_points',
  description: 'One row per EFS access point of the region (DescribeAccessPoints without a file system: every access point)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Access point ARN' },
    { name: 'access_point_id', type: 'VARCHAR', description: 'Access point id (fsap-…)' },
    { name: 'file_system_id', type: 'VARCHAR', description: 'File system the access point serves' },
    { name: 'name', type: 'VARCHAR', description: 'Value of the Name tag, if any' },
    { name: 'root_directory_path', type: 'VARCHAR', description: 'RootDirectory.Path clients are confined to (/ is the whole file system); NULL when not reported' },
    { name: 'posix_uid', type: 'BIGINT', description: 'PosixUser.Uid every request is made as; NULL when no user identity is enforced' },
    { name: 'posix_gid', type: 'BIGINT', description: 'PosixUser.Gid; NULL when no user identity is enforced' },
    { name: 'life_cycle_state', type: 'VARCHAR', description: 'creating, available, updating, deleting, deleted or error' },
    { name: 'owner_id', type: 'VARCHAR', description: 'Account that owns the access point' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const tables: TableDef[] = [awsEfsFileSystems, awsEfsAccessPoints];
