import { resourcePolicyColumns } from './policy-columns.js';
import { defineTable, type TableDef } from './table.js';

export const awsSqsQueues = defineTable({
  name: 'aws_sqs_queues',
  description: 'One row per SQS queue of the region, with its access policy and encryption',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Queue ARN (GetQueueAttributes QueueArn)' },
    { name: 'queue_url', type: 'VARCHAR', description: 'Queue URL' },
    { name: 'name', type: 'VARCHAR', description: 'Queue name' },
    { name: 'kms_master_key_id', type: 'VARCHAR', description: 'KMS key encrypting messages (SSE-KMS); NULL otherwise' },
    { name: 'sqs_managed_sse_enabled', type: 'BOOLEAN', description: 'True when SQS-managed encryption (SSE-SQS) is on' },
    { name: 'fifo_queue', type: 'BOOLEAN', description: 'True for a FIFO queue' },
    ...resourcePolicyColumns,
  ],
});

export const tables: TableDef[] = [awsSqsQueues];
