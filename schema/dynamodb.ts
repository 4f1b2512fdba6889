import { defineTable, type TableDef } from './table.js';

export const awsDynamodbTables = defineTable({
  name: 'aws_dynamodb_tables',
  description: 'One row per DynamoDB table of the region (ListTables, DescribeTable, DescribeContinuousBackups, ListTagsOfResource)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Table ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Table name' },
    { name: 'status', type: 'VARCHAR', description: 'CREATING, UPDATING, ACTIVE, DELETING, ARCHIVED, …' },
    { name: 'billing_mode', type: 'VARCHAR', description: 'PROVISIONED or PAY_PER_REQUEST (NULL: AWS left it out, which means PROVISIONED)' },
    { name: 'deletion_protection_enabled', type: 'BOOLEAN', description: 'True when the table cannot be deleted until protection is turned off' },
    { name: 'sse_status', type: 'VARCHAR', description: 'SSEDescription.Status: ENABLED for a KMS key (AWS managed or customer managed); NULL means encryption with an AWS owned key' },
    { name: 'sse_type', type: 'VARCHAR', description: 'KMS when the table uses a KMS key; NULL for the AWS owned key' },
    { name: 'kms_key_arn', type: 'VARCHAR', description: 'KMS key encrypting the table, when it uses one' },
    { name: 'pitr_status', type: 'VARCHAR', description: 'Point-in-time recovery: ENABLED or DISABLED (DescribeContinuousBackups); NULL when it could not be read' },
    { name: 'pitr_recovery_period_days', type: 'INTEGER', description: 'Days of point-in-time recovery kept, when enabled' },
    { name: 'item_count', type: 'BIGINT', description: 'Approximate item count (AWS updates it about every six hours)' },
    { name: 'size_bytes', type: 'BIGINT', description: 'Approximate table size in bytes' },
    { name: 'created_at', type: 'TIMESTAMP', description: 'When the table was created' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object (ListTagsOfResource); NULL when they could not be read' },
    { name: 'global_secondary_indexes', type: 'VARCHAR[]', description: 'Names of the table’s global secondary indexes (empty when none; NULL when DescribeTable failed)' },
  ],
});

export const tables: TableDef[] = [awsDynamodbTables];
