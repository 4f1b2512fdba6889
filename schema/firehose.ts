import { defineTable, type TableDef } from './table.js';

export const awsFirehoseDeliveryStreams = defineTable({
  name: 'aws_firehose_delivery_streams',
  description: 'One row per Amazon Data Firehose delivery stream of the region (ListDeliveryStreams, DescribeDeliveryStream)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Delivery stream ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Delivery stream name' },
    { name: 'status', type: 'VARCHAR', description: 'CREATING, ACTIVE, DELETING, …' },
    { name: 'stream_type', type: 'VARCHAR', description: 'DirectPut, KinesisStreamAsSource, MSKAsSource or DatabaseAsSource' },
    { name: 'source_stream_arn', type: 'VARCHAR', description: 'The Kinesis data stream it reads, for KinesisStreamAsSource (its encryption is that stream’s)' },
    { name: 'encryption_status', type: 'VARCHAR', description: 'Server-side encryption: ENABLED, ENABLING, DISABLED, DISABLING, ENABLING_FAILED, DISABLING_FAILED; NULL when not reported' },
    { name: 'encryption_key_type', type: 'VARCHAR', description: 'AWS_OWNED_CMK or CUSTOMER_MANAGED_CMK' },
    { name: 'encryption_key_arn', type: 'VARCHAR', description: 'The customer managed KMS key, if any' },
    { name: 'destination_types', type: 'VARCHAR[]', description: 'Kinds of destination: s3, extended_s3, redshift, opensearch, splunk, http_endpoint, …' },
    { name: 'created_at', type: 'TIMESTAMP', description: 'When the delivery stream was created' },
  ],
});

export const tables: TableDef[] = [awsFirehoseDeliveryStreams];
