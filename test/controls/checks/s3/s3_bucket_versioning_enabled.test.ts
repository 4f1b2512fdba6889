import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

describe('s3_bucket_versioning_enabled', () => {
  it('fails a bucket whose versioning was never enabled or is suspended, and says which', async () => {
    await seed(db, 'aws_s3_buckets', [
      { name: 'never', arn: 'arn:aws:s3:::never', versioning_status: null },
      { name: 'paused', arn: 'arn:aws:s3:::paused', versioning_status: 'Suspended' },
      { name: 'kept', arn: 'arn:aws:s3:::kept', versioning_status: 'Enabled' },
    ]);
    const rows = await checkFindings(db, 's3_bucket_versioning_enabled');
    expect(rows.map((r) => [r.resource_id, r.reason])).toEqual([
      ['arn:aws:s3:::never', 'Versioning was never enabled on this bucket'],
      ['arn:aws:s3:::paused', 'Versioning is suspended: overwritten or deleted objects are no longer kept as versions'],
    ]);
  });

  it('passes a versioned bucket', async () => {
    await seed(db, 'aws_s3_buckets', [{ name: 'kept', arn: 'arn:aws:s3:::kept', versioning_status: 'Enabled' }]);
    expect(await checkFindings(db, 's3_bucket_versioning_enabled')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 's3_bucket_versioning_enabled')).toEqual([]);
  });
});
