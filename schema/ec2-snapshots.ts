import { defineTable, type TableDef } from './table.js';

// In its own file (not schema/ec2.ts), like the VPC endpoints and launch templates.
export const awsEc2Snapshots = defineTable({
  name: 'aws_ec2_snapshots',
  description:
    'One row per EBS snapshot the account owns in the region (DescribeSnapshots OwnerIds self; public ones from the same call with RestorableByUserIds all)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>::snapshot/<id> (EBS snapshot ARNs carry no account)' },
    { name: 'snapshot_id', type: 'VARCHAR', description: 'Snapshot id (snap-…)' },
    { name: 'volume_id', type: 'VARCHAR', description: 'Volume the snapshot was taken of' },
    { name: 'state', type: 'VARCHAR', description: 'pending, completed, error, recoverable, recovering' },
    { name: 'encrypted', type: 'BOOLEAN', description: 'True when the snapshot is encrypted' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key encrypting the snapshot' },
    { name: 'volume_size_gib', type: 'INTEGER', description: 'Size of the source volume in GiB' },
    { name: 'start_time', type: 'TIMESTAMP', description: 'When the snapshot was started' },
    { name: 'description', type: 'VARCHAR', description: 'Snapshot description' },
    { name: 'owner_id', type: 'VARCHAR', description: 'Account that owns the snapshot' },
    { name: 'public', type: 'BOOLEAN', description: "True when anyone may create volumes from it (createVolumePermission group 'all')" },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const tables: TableDef[] = [awsEc2Snapshots];
