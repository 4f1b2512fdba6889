import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

describe('s3_bucket_mfa_delete_enabled', () => {
  it('fails buckets without versioning or without MFA Delete, and says which', async () => {
    await seed(db, 'aws_s3_buckets', [
      { name: 'unversioned', arn: 'arn:aws:s3:::unversioned', versioning_status: null, mfa_delete: false },
      { name: 'suspended', arn: 'arn:aws:s3:::suspended', versioning_status: 'Suspended', mfa_delete: true },
      { name: 'no-mfa', arn: 'arn:aws:s3:::no-mfa', versioning_status: 'Enabled', mfa_delete: false },
      { name: 'protected', arn: 'arn:aws:s3:::protected', versioning_status: 'Enabled', mfa_delete: true },
    ]);
    const rows = await checkFindings(db, 's3_bucket_mfa_delete_enabled');
    expect(rows.map((r) => [r.bucket, r.reason])).toEqual([
      ['no-mfa', 'Versioning is enabled but MFA Delete is off'],
      ['suspended', 'Versioning is not enabled, so MFA Delete cannot be on'],
      ['unversioned', 'Versioning is not enabled, so MFA Delete cannot be on'],
    ]);
  });

  it('passes a versioned bucket with MFA Delete', async () => {
    await seed(db, 'aws_s3_buckets', [{ name: 'protected', arn: 'arn:aws:s3:::protected', versioning_status: 'Enabled', mfa_delete: true }]);
    expect(await checkFindings(db, 's3_bucket_mfa_delete_enabled')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 's3_bucket_mfa_delete_enabled')).toEqual([]);
  });
});
