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
  ],
});

export const tables: TableDef[] = [awsEfsFileSystems];
