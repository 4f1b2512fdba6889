import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

// FSBP S3.2 (s3_bucket_public_read_prohibited), S3.3 (s3_bucket_public_write_prohibited), S3.6
// (s3_bucket_no_cross_account_blocked_actions). The policy action columns are what sync/policy/s3-access.ts derives
// (tested there and against moto in test/sync/s3/bucket-access.test.ts).
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const group = (g: string, Permission: string) => ({ Grantee: { Type: 'Group', URI: `http://acs.amazonaws.com/groups/global/${g}` }, Permission });
const owner = { Grantee: { Type: 'CanonicalUser', ID: 'abc' }, Permission: 'FULL_CONTROL' };
const bucket = (name: string, r: Row = {}): Row => ({
  name, arn: `arn:aws:s3:::${name}`, acl_grants: [owner], policy_public_read_actions: [], policy_public_write_actions: [], policy_cross_account_blocked_actions: [], ...r,
});
const accountBlock = (r: Row) => seed(db, 'aws_s3_account_public_access_blocks', [{ region: 'global', configured: true, ...r }]);
const reasons = (rows: Row[]) => rows.map((r) => [r.bucket, r.reason]);
const all = ['s3_bucket_public_read_prohibited', 's3_bucket_public_write_prohibited', 's3_bucket_no_cross_account_blocked_actions'];

describe('FSBP S3 public and cross-account checks', () => {
  it.each(all)('%s returns nothing for an empty inventory', async (id) => {
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it.each(all)('%s passes a private bucket with only its owner in the ACL and no grants in its policy', async (id) => {
    await seed(db, 'aws_s3_buckets', [bucket('private')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('s3_bucket_public_read_prohibited (S3.2)', () => {
  it('fails public read through the ACL (READ, FULL_CONTROL) or the policy, and an ACL or policy not read', async () => {
    await seed(db, 'aws_s3_buckets', [
      bucket('a-acl', { acl_grants: [owner, group('AllUsers', 'READ'), group('AuthenticatedUsers', 'FULL_CONTROL')] }),
      bucket('b-policy', { policy_public_read_actions: ['s3:GetObject', 's3:ListBucket'] }),
      bucket('c-unknown', { acl_grants: null, policy_public_read_actions: null }),
      // Write-only and ACL-reading grants are not read access to the data.
      bucket('d-write-only', { acl_grants: [group('AllUsers', 'WRITE'), group('AllUsers', 'READ_ACP')], policy_public_write_actions: ['s3:PutObject'] }),
    ]);
    expect(reasons(await checkFindings(db, 's3_bucket_public_read_prohibited'))).toEqual([
      ['a-acl', 'the bucket ACL grants AllUsers READ, AuthenticatedUsers FULL_CONTROL'],
      ['b-policy', 'the bucket policy allows anyone s3:GetObject, s3:ListBucket'],
      ['c-unknown', 'the bucket ACL could not be read and IgnorePublicAcls is off; the bucket policy could not be read and RestrictPublicBuckets is off'],
    ]);
  });

  it('passes grants that Block Public Access overrides, at bucket or account level', async () => {
    await accountBlock({ ignore_public_acls: true, restrict_public_buckets: false });
    await seed(db, 'aws_s3_buckets', [
      bucket('acl-ignored-by-account', { acl_grants: [group('AllUsers', 'READ')] }),
      bucket('policy-restricted-by-bucket', { policy_public_read_actions: ['s3:GetObject'], restrict_public_buckets: true }),
      bucket('policy-unknown-but-restricted', { policy_public_read_actions: null, restrict_public_buckets: true }),
      bucket('policy-public', { policy_public_read_actions: ['s3:GetObjectVersion'] }),
    ]);
    expect(reasons(await checkFindings(db, 's3_bucket_public_read_prohibited'))).toEqual([
      ['policy-public', 'the bucket policy allows anyone s3:GetObjectVersion'],
    ]);
  });
});

describe('s3_bucket_public_write_prohibited (S3.3)', () => {
  it('fails public write through the ACL (WRITE, WRITE_ACP, FULL_CONTROL) or the policy, not public read', async () => {
    await seed(db, 'aws_s3_buckets', [
      bucket('a-acl', { acl_grants: [group('AllUsers', 'WRITE'), group('AuthenticatedUsers', 'WRITE_ACP')] }),
      bucket('b-policy', { policy_public_write_actions: ['s3:PutObject'] }),
      bucket('c-read-only', { acl_grants: [group('AllUsers', 'READ')], policy_public_read_actions: ['s3:GetObject'] }),
      bucket('d-policy-unknown', { policy_public_write_actions: null }),
    ]);
    expect(reasons(await checkFindings(db, 's3_bucket_public_write_prohibited'))).toEqual([
      ['a-acl', 'the bucket ACL grants AllUsers WRITE, AuthenticatedUsers WRITE_ACP'],
      ['b-policy', 'the bucket policy allows anyone s3:PutObject'],
      ['d-policy-unknown', 'the bucket policy could not be read and RestrictPublicBuckets is off'],
    ]);
  });

  it('passes a public write grant voided by IgnorePublicAcls and RestrictPublicBuckets of the account', async () => {
    await accountBlock({ ignore_public_acls: true, restrict_public_buckets: true });
    await seed(db, 'aws_s3_buckets', [bucket('voided', { acl_grants: [group('AllUsers', 'FULL_CONTROL')], policy_public_write_actions: ['s3:DeleteObject'] })]);
    expect(await checkFindings(db, 's3_bucket_public_write_prohibited')).toEqual([]);
  });
});

describe('s3_bucket_no_cross_account_blocked_actions (S3.6)', () => {
  it('fails a policy granting other accounts blocked actions, and a policy not read; Block Public Access does not excuse it', async () => {
    await accountBlock({ ignore_public_acls: true, restrict_public_buckets: true });
    await seed(db, 'aws_s3_buckets', [
      bucket('a-shared', { policy_cross_account_blocked_actions: ['s3:PutBucketPolicy', 's3:PutObjectAcl'] }),
      bucket('b-unknown', { policy_cross_account_blocked_actions: null }),
      bucket('c-data-only'),
    ]);
    expect(reasons(await checkFindings(db, 's3_bucket_no_cross_account_blocked_actions'))).toEqual([
      ['a-shared', 'The bucket policy of a-shared allows other AWS accounts s3:PutBucketPolicy, s3:PutObjectAcl'],
      ['b-unknown', 'The bucket policy of b-unknown could not be read or parsed: sync again'],
    ]);
  });
});
