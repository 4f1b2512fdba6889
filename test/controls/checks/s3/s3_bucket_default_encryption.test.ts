import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

describe('s3_bucket_default_encryption', () => {
  it('fails a bucket without default encryption and passes SSE-S3 and SSE-KMS buckets', async () => {
    await seed(db, 'aws_s3_buckets', [
      { name: 'plain', arn: 'arn:aws:s3:::plain', encryption_algorithm: null },
      { name: 'sse-s3', arn: 'arn:aws:s3:::sse-s3', encryption_algorithm: 'AES256' },
      { name: 'sse-kms', arn: 'arn:aws:s3:::sse-kms', encryption_algorithm: 'aws:kms', kms_key_id: 'alias/data' },
    ]);
    const rows = await checkFindings(db, 's3_bucket_default_encryption');
    expect(rows.map((r) => [r.resource_id, r.bucket])).toEqual([['arn:aws:s3:::plain', 'plain']]);
    // It says what it read, not the moot "objects are stored unencrypted" (AWS encrypts new objects since 2023).
    expect(rows[0]!.reason).toMatch(/^GetBucketEncryption showed no default encryption rule/);
  });

  it('passes when every bucket is encrypted by default', async () => {
    await seed(db, 'aws_s3_buckets', [{ name: 'sse-s3', arn: 'arn:aws:s3:::sse-s3', encryption_algorithm: 'AES256' }]);
    expect(await checkFindings(db, 's3_bucket_default_encryption')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 's3_bucket_default_encryption')).toEqual([]);
  });
});
