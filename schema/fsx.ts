import { defineTable, type TableDef } from './table.js';

export const awsFsxFileSystems = defineTable({
  name: 'aws_fsx_file_systems',
  description: 'One row per Amazon FSx file system of the region, every type (DescribeFileSystems)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'File system ARN' },
    { name: 'id', type: 'VARCHAR', description: 'File system id (fs-…)' },
    { name: 'file_system_type', type: 'VARCHAR', description: 'WINDOWS, LUSTRE, ONTAP or OPENZFS' },
    { name: 'lifecycle', type: 'VARCHAR', description: 'AVAILABLE, CREATING, DELETING, FAILED, MISCONFIGURED, UPDATING…' },
    { name: 'storage_type', type: 'VARCHAR', description: 'SSD, HDD or INTELLIGENT_TIERING' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key encrypting the data at rest' },
    { name: 'copy_tags_to_backups', type: 'BOOLEAN', description: 'The type’s CopyTagsToBackups setting (Windows, Lustre, OpenZFS; null for ONTAP or when not reported)' },
    { name: 'copy_tags_to_volumes', type: 'BOOLEAN', description: 'OpenZFS CopyTagsToVolumes (null for other types or when not reported)' },
    { name: 'created_at', type: 'TIMESTAMP', description: 'When the file system was created' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const tables: TableDef[] = [awsFsxFileSystems];
