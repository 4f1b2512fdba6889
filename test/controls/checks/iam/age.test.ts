import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';
import { acct, daysAgo, seedAccounts, userArn } from './fixtures.js';

// Age-based checks measure age at collection (synced_at), never at evaluation: the inventory below was collected
// 400 days ago, so a key created 420 days ago was 20 days old then and passes, however late it is re-evaluated.
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const collected = daysAgo(400);
const before = (days: number) => new Date(collected.getTime() - days * 86_400_000);
const key = (id: string, created: Date, extra: Record<string, unknown> = {}) => ({
  access_key_id: id, user_name: 'ana', user_arn: userArn('ana'), status: 'Active', create_date: created, last_used_date: created, synced_at: collected, ...extra,
});

describe('iam_access_key_rotated_90_days on old data', () => {
  it('fails a key 91 days old when collected and passes one 20 days old then', async () => {
    await seed(db, 'aws_iam_access_keys', [key('AKIAOLD', before(91)), key('AKIAYOUNG', before(20))]);
    expect(await checkFindings(db, 'iam_access_key_rotated_90_days')).toEqual([
      expect.objectContaining({ resource_id: 'AKIAOLD', age_days: 91, reason: expect.stringMatching(/more than 90 days ago \(as of \d{4}-\d\d-\d\d, when it was collected\)/) }),
    ]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_access_key_rotated_90_days')).toEqual([]);
  });
});

describe('iam_user_unused_credentials_disabled on old data', () => {
  it('fails a key unused for 50 days before collection and passes one used 10 days before', async () => {
    await seed(db, 'aws_iam_access_keys', [key('AKIASTALE', before(200), { last_used_date: before(50) }), key('AKIAUSED', before(200), { last_used_date: before(10) })]);
    await seed(db, 'aws_iam_credential_report', [
      { user: 'ana', arn: userArn('ana'), is_root: false, password_enabled: true, user_creation_time: before(300), password_last_used: before(60), synced_at: collected },
      { user: 'bo', arn: userArn('bo'), is_root: false, password_enabled: true, user_creation_time: before(300), password_last_used: before(3), synced_at: collected },
    ]);
    const rows = await checkFindings(db, 'iam_user_unused_credentials_disabled');
    expect(rows.map((r) => r.resource_id).sort()).toEqual(['AKIASTALE', userArn('ana')]);
    expect(rows.every((r) => /45 days or more before \d{4}-\d\d-\d\d\)/.test(String(r.reason)))).toBe(true);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_user_unused_credentials_disabled')).toEqual([]);
  });
});

describe('iam_root_not_used_recently on old data', () => {
  const root = (used: Date) => ({ user: '<root_account>', arn: `arn:aws:iam::${acct}:root`, is_root: true, password_last_used: used, synced_at: collected });

  it('fails root use 2 days before collection, naming the root user by its ARN', async () => {
    await seedAccounts(db, acct);
    await seed(db, 'aws_iam_credential_report', [root(before(2))]);
    expect(await checkFindings(db, 'iam_root_not_used_recently')).toEqual([
      expect.objectContaining({ resource_id: `arn:aws:iam::${acct}:root`, region: 'global', reason: expect.stringMatching(/within the last 7 days \(as of .* UTC, when the credential report was collected\)/) }),
    ]);
  });

  it('passes root use 30 days before collection', async () => {
    await seedAccounts(db, acct);
    await seed(db, 'aws_iam_credential_report', [root(before(30))]);
    expect(await checkFindings(db, 'iam_root_not_used_recently')).toEqual([]);
  });

  it('names the root user in the partition of the account', async () => {
    await seed(db, 'aws_accounts', [{ account_id: acct, arn: `arn:aws-cn:::${acct}`, partition: 'aws-cn' }]);
    expect(await checkFindings(db, 'iam_root_not_used_recently')).toEqual([expect.objectContaining({ resource_id: `arn:aws-cn:iam::${acct}:root` })]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_root_not_used_recently')).toEqual([]);
  });
});

describe('iam_no_expired_server_certificates on old data', () => {
  const cert = (name: string, expiration: Date) => ({
    arn: `arn:aws:iam::${acct}:server-certificate/${name}`, server_certificate_name: name, expiration, synced_at: collected,
  });

  it('fails a certificate expired when collected and passes one that was still valid then, though expired today', async () => {
    await seed(db, 'aws_iam_server_certificates', [cert('expired', before(1)), cert('valid-then', daysAgo(100))]);
    expect(await checkFindings(db, 'iam_no_expired_server_certificates')).toEqual([
      expect.objectContaining({ resource_id: `arn:aws:iam::${acct}:server-certificate/expired`, reason: expect.stringMatching(/and was still stored in IAM on \d{4}-/) }),
    ]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_no_expired_server_certificates')).toEqual([]);
  });
});
