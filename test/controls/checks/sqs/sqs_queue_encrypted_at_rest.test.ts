import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

const id = 'sqs_queue_encrypted_at_rest';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const queue = (name: string, extra: Record<string, unknown>) => ({ arn: `arn:aws:sqs:us-east-1:111111111111:${name}`, name, ...extra });

describe(id, () => {
  it('fails queues with neither SSE-SQS nor a KMS key', async () => {
    await seed(db, 'aws_sqs_queues', [queue('plain', { sqs_managed_sse_enabled: false }), queue('unknown', {}), queue('sse', { sqs_managed_sse_enabled: true })]);
    expect((await checkFindings(db, id)).map((r) => r.reason)).toEqual([
      'SQS queue plain is not encrypted at rest (neither SSE-SQS nor a KMS key)',
      'SQS queue unknown is not encrypted at rest (neither SSE-SQS nor a KMS key)',
    ]);
  });
  it('passes SSE-SQS and SSE-KMS queues', async () => {
    await seed(db, 'aws_sqs_queues', [queue('sse', { sqs_managed_sse_enabled: true }), queue('kms', { sqs_managed_sse_enabled: false, kms_master_key_id: 'alias/aws/sqs' })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
