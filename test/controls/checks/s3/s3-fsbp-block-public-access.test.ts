import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const on = { block_public_acls: true, ignore_public_acls: true, block_public_policy: true, restrict_public_buckets: true };
const bucket = (name: string, extra: Record<string, unknown>) => ({ name, arn: `arn:aws:s3:::${name}`, ...extra });

describe('s3_bucket_level_public_access_blocked', () => {
  const id = 's3_bucket_level_public_access_blocked';
  it('fails buckets without a full bucket-level block, even when the account-level block is on', async () => {
    await seed(db, 'aws_s3_account_public_access_blocks', [{ configured: true, ...on }]);
    await seed(db, 'aws_s3_buckets', [
      bucket('full', { public_access_block_configured: true, ...on }),
      bucket('none', { public_access_block_configured: false }),
      bucket('partial', { public_access_block_configured: true, ...on, ignore_public_acls: false, restrict_public_buckets: null }),
    ]);
    expect((await checkFindings(db, id)).map((r) => [r.bucket_name, r.reason])).toEqual([
      ['none', 'Bucket none has no bucket-level Block Public Access configuration'],
      ['partial', 'Bucket partial leaves bucket-level Block Public Access off for IgnorePublicAcls, RestrictPublicBuckets'],
    ]);
  });
  it('passes buckets with all four flags on', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('full', { public_access_block_configured: true, ...on })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('s3_account_public_access_blocked', () => {
  const id = 's3_account_public_access_blocked';
  const accounts = (...ids: string[]) => seed(db, 'aws_accounts', ids.map((account_id) => ({ account_id, arn: `arn:aws:::${account_id}`, partition: 'aws' })));
  it('fails accounts with no, a partial, or an uncollected account-level block', async () => {
    await accounts('111111111111', '222222222222', '333333333333');
    await seed(db, 'aws_s3_account_public_access_blocks', [
      { account_id: '111111111111', configured: false },
      { account_id: '222222222222', configured: true, ...on, block_public_policy: false },
    ]);
    expect((await checkFindings(db, id)).map((r) => [r.resource_id, r.reason])).toEqual([
      ['arn:aws:iam::111111111111:root', 'The account has no account-level S3 Block Public Access configuration'],
      ['arn:aws:iam::222222222222:root', 'Account-level S3 Block Public Access leaves off BlockPublicPolicy'],
      ['arn:aws:iam::333333333333:root', 'The account-level S3 Block Public Access setting was not collected'],
    ]);
  });
  it('passes an account with all four flags on, whatever its buckets say', async () => {
    await accounts('111111111111');
    await seed(db, 'aws_s3_account_public_access_blocks', [{ account_id: '111111111111', configured: true, ...on }]);
    await seed(db, 'aws_s3_buckets', [bucket('none', { public_access_block_configured: false })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
