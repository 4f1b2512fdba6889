import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

describe('s3_bucket_server_access_logging_enabled', () => {
  it('fails a bucket without server access logging', async () => {
    await seed(db, 'aws_s3_buckets', [
      { name: 'quiet', arn: 'arn:aws:s3:::quiet', logging_target_bucket: null },
      { name: 'logged', arn: 'arn:aws:s3:::logged', logging_target_bucket: 'logs', logging_target_prefix: 'logged/' },
    ]);
    const rows = await checkFindings(db, 's3_bucket_server_access_logging_enabled');
    expect(rows.map((r) => [r.resource_id, r.reason])).toEqual([['arn:aws:s3:::quiet', 'Server access logging is off for this bucket']]);
  });

  it('passes a bucket that logs to a target bucket', async () => {
    await seed(db, 'aws_s3_buckets', [{ name: 'logged', arn: 'arn:aws:s3:::logged', logging_target_bucket: 'logs', logging_target_prefix: '' }]);
    expect(await checkFindings(db, 's3_bucket_server_access_logging_enabled')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 's3_bucket_server_access_logging_enabled')).toEqual([]);
  });
});
