import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const owner = { Grantee: { Type: 'CanonicalUser', ID: 'abc' }, Permission: 'FULL_CONTROL' };
const allUsersRead = { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' };
const authWrite = { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers' }, Permission: 'WRITE' };
const bucket = (name: string, r: Record<string, unknown> = {}) => ({ name, arn: `arn:aws:s3:::${name}`, acl_grants: [owner], policy_is_public: false, ...r });
const accountBlock = (r: Record<string, unknown>) => seed(db, 'aws_s3_account_public_access_blocks', [{ region: 'global', configured: true, ...r }]);

describe('s3_bucket_no_public_access', () => {
  it('fails a bucket whose ACL grants everyone or any AWS account, or whose policy is public, or unknown', async () => {
    await accountBlock({ ignore_public_acls: false, restrict_public_buckets: false });
    await seed(db, 'aws_s3_buckets', [
      bucket('acl-public', { acl_grants: [owner, allUsersRead, authWrite] }),
      bucket('policy-public', { policy_is_public: true, public_statements: ['Public'] }),
      bucket('acl-unknown', { acl_grants: null }),
      bucket('private'),
    ]);
    const rows = await checkFindings(db, 's3_bucket_no_public_access');
    expect(rows.map((r) => [r.bucket, r.reason])).toEqual([
      ['acl-public', 'the bucket ACL grants AllUsers READ, AuthenticatedUsers WRITE'],
      ['acl-unknown', 'the bucket ACL could not be read and IgnorePublicAcls is off'],
      ['policy-public', 'the bucket policy allows anyone: statement(s) Public'],
    ]);
  });

  it('passes a public grant voided by IgnorePublicAcls and a public policy restricted by RestrictPublicBuckets, at either level', async () => {
    await accountBlock({ ignore_public_acls: true, restrict_public_buckets: false });
    await seed(db, 'aws_s3_buckets', [
      bucket('acl-voided-by-account', { acl_grants: [allUsersRead] }),
      bucket('policy-restricted-by-bucket', { policy_is_public: true, public_statements: ['Public'], restrict_public_buckets: true }),
      bucket('private'),
    ]);
    expect(await checkFindings(db, 's3_bucket_no_public_access')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 's3_bucket_no_public_access')).toEqual([]);
  });
});
