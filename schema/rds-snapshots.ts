import { defineTable, type ColumnDef, type TableDef } from './table.js';

// In their own file (not schema/rds.ts): snapshots evolve without touching the instance and cluster tables.
const sharing: ColumnDef[] = [
  {
    name: 'restore_accounts',
    type: 'VARCHAR[]',
    description: "The snapshot's restore attribute: accounts allowed to copy or restore it ('all' = public); [] for automated snapshots, which AWS never shares; NULL when not read",
  },
  { name: 'public', type: 'BOOLEAN', description: "True when the restore attribute lists 'all' (anyone can restore it); NULL when not read" },
];

export const awsRdsDbSnapshots = defineTable({
  name: 'aws_rds_db_snapshots',
  description: "One row per DB instance snapshot the account owns in the region, automated and manual (DescribeDBSnapshots; sharing from DescribeDBSnapshotAttributes)",
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Snapshot ARN' },
    { name: 'db_snapshot_identifier', type: 'VARCHAR', description: 'Snapshot identifier' },
    { name: 'db_instance_identifier', type: 'VARCHAR', description: 'Instance the snapshot was taken of' },
    { name: 'engine', type: 'VARCHAR', description: 'Database engine (postgres, mysql, …)' },
    { name: 'snapshot_type', type: 'VARCHAR', description: 'manual, automated, awsbackup, shared or public' },
    { name: 'status', type: 'VARCHAR', description: 'available, creating, …' },
    { name: 'encrypted', type: 'BOOLEAN', description: 'True when the snapshot is encrypted at rest; NULL when not reported' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key encrypting the snapshot' },
    { name: 'snapshot_create_time', type: 'TIMESTAMP', description: 'When the snapshot was taken' },
    ...sharing,
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const awsRdsDbClusterSnapshots = defineTable({
  name: 'aws_rds_db_cluster_snapshots',
  description:
    'One row per DB cluster snapshot the account owns in the region, automated and manual, Aurora, Neptune and DocumentDB alike (DescribeDBClusterSnapshots; sharing from DescribeDBClusterSnapshotAttributes)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Cluster snapshot ARN' },
    { name: 'db_cluster_snapshot_identifier', type: 'VARCHAR', description: 'Cluster snapshot identifier' },
    { name: 'db_cluster_identifier', type: 'VARCHAR', description: 'Cluster the snapshot was taken of' },
    { name: 'engine', type: 'VARCHAR', description: 'aurora-mysql, aurora-postgresql, neptune, docdb, …' },
    { name: 'snapshot_type', type: 'VARCHAR', description: 'manual, automated, awsbackup, shared or public' },
    { name: 'status', type: 'VARCHAR', description: 'available, creating, …' },
    { name: 'storage_encrypted', type: 'BOOLEAN', description: 'True when the snapshot is encrypted at rest; NULL when not reported' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key encrypting the snapshot' },
    { name: 'snapshot_create_time', type: 'TIMESTAMP', description: 'When the snapshot was taken' },
    ...sharing,
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const tables: TableDef[] = [awsRdsDbSnapshots, awsRdsDbClusterSnapshots];
