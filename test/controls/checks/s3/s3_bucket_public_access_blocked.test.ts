import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const acct = '111111111111';
const allOn = { block_public_acls: true, ignore_public_acls: true, block_public_policy: true, restrict_public_buckets: true };
const bucket = (name: string, flags: Record<string, boolean | null> | null, account_id = acct) => ({
  account_id,
  name,
  arn: `arn:aws:s3:::${name}`,
  public_access_block_configured: flags !== null,
  ...(flags ?? {}),
});
const account = (flags: Record<string, boolean> | null, account_id = acct) => ({ account_id, configured: flags !== null, ...(flags ?? {}) });
const check = () => checkFindings(db, 's3_bucket_public_access_blocked');

describe('s3_bucket_public_access_blocked', () => {
  it('passes a bucket with all four flags on at bucket level', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('locked', allOn)]);
    await seed(db, 'aws_s3_account_public_access_blocks', [account(null)]);
    expect(await check()).toEqual([]);
  });

  it('passes a bucket without its own block when the account blocks all four', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('no-block', null)]);
    await seed(db, 'aws_s3_account_public_access_blocks', [account(allOn)]);
    expect(await check()).toEqual([]);
  });

  it('fails a bucket with three flags while the account has none, naming what is off', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('three', { ...allOn, restrict_public_buckets: false })]);
    await seed(db, 'aws_s3_account_public_access_blocks', [account(null)]);
    const rows = await check();
    expect(rows.map((r) => [r.resource_id, r.reason])).toEqual([
      ['arn:aws:s3:::three', 'Public access is not fully blocked: bucket level leaves off RestrictPublicBuckets; account level has no configuration'],
    ]);
  });

  it('does not combine flags across levels: three on the bucket plus the fourth on the account fails', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('split', { ...allOn, ignore_public_acls: false })]);
    await seed(db, 'aws_s3_account_public_access_blocks', [account({ block_public_acls: false, ignore_public_acls: true, block_public_policy: false, restrict_public_buckets: false })]);
    const rows = await check();
    expect(rows.map((r) => r.reason)).toEqual([
      'Public access is not fully blocked: bucket level leaves off IgnorePublicAcls; account level leaves off BlockPublicAcls, BlockPublicPolicy, RestrictPublicBuckets',
    ]);
  });

  it("fails a bucket without a block when its account's block is missing, and uses each bucket's own account", async () => {
    await seed(db, 'aws_s3_buckets', [bucket('orphan', null, '222222222222'), bucket('covered', null)]);
    await seed(db, 'aws_s3_account_public_access_blocks', [account(allOn)]);
    const rows = await check();
    expect(rows.map((r) => [r.resource_id, r.account_id, r.reason])).toEqual([
      ['arn:aws:s3:::orphan', '222222222222', 'Public access is not fully blocked: bucket level has no configuration; account level has no configuration'],
    ]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await check()).toEqual([]);
  });
});
