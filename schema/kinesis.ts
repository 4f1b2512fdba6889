import { defineTable, type TableDef } from './table.js';

export const awsKinesisStreams = defineTable({
  name: 'aws_kinesis_streams',
  description: 'One row per Kinesis data stream of the region (ListStreams, DescribeStreamSummary)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Stream ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Stream name' },
    { name: 'status', type: 'VARCHAR', description: 'CREATING, DELETING, ACTIVE or UPDATING' },
    { name: 'stream_mode', type: 'VARCHAR', description: 'PROVISIONED or ON_DEMAND' },
    { name: 'encryption_type', type: 'VARCHAR', description: 'KMS (server-side encryption) or NONE; NULL when not reported' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key of server-side encryption (alias/aws/kinesis for the AWS managed key)' },
    { name: 'retention_period_hours', type: 'INTEGER', description: 'Hours records are kept' },
  ],
});

export const tables: TableDef[] = [awsKinesisStreams];
