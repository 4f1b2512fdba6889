import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const bucket = (name: string, algorithm: string | null) => ({ name, arn: `arn:aws:s3:::${name}`, encryption_algorithm: algorithm });

describe('s3_bucket_default_encryption_kms', () => {
  it('fails a bucket encrypted with S3-managed keys or with no rule shown, naming what it found', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('sse-s3', 'AES256'), bucket('none', null), bucket('sse-kms', 'aws:kms')]);
    const rows = await checkFindings(db, 's3_bucket_default_encryption_kms');
    expect(rows.map((r) => [r.bucket, r.reason])).toEqual([
      ['none', 'GetBucketEncryption showed no default encryption rule for this bucket, so no KMS key is set'],
      ['sse-s3', 'Default encryption is AES256 (keys S3 manages), not a KMS key'],
    ]);
  });

  it('passes SSE-KMS and DSSE-KMS buckets', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('sse-kms', 'aws:kms'), bucket('dsse', 'aws:kms:dsse')]);
    expect(await checkFindings(db, 's3_bucket_default_encryption_kms')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 's3_bucket_default_encryption_kms')).toEqual([]);
  });
});
