import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';
import { acct, other, seedAccounts } from './fixtures.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

/** A policy meeting both IAM.7 and IAM.10; each test weakens one setting. */
const strong = {
  configured: true, minimum_password_length: 14, require_symbols: true, require_numbers: true, require_uppercase_characters: true,
  require_lowercase_characters: true, expire_passwords: true, max_password_age: 90, password_reuse_prevention: 24,
};
const policy = (account_id: string, over: Record<string, unknown> = {}) => ({ ...strong, account_id, ...over });
const reasons = async (check: string) => Object.fromEntries((await checkFindings(db, check)).map((r) => [r.account_id, r.reason]));

describe('iam_password_policy_strong (FSBP IAM.7)', () => {
  it('fails an account without a policy and one missing a character class or the minimum length of 8', async () => {
    await seedAccounts(db, acct, other, '333333333333');
    await seed(db, 'aws_iam_password_policies', [
      { account_id: acct, configured: false },
      policy(other, { require_symbols: false, minimum_password_length: 7 }),
      policy('333333333333', { require_uppercase_characters: null }),
    ]);
    expect(await reasons('iam_password_policy_strong')).toEqual({
      [acct]: 'The account has no IAM password policy (AWS defaults apply)',
      [other]: 'The password policy is weaker than Security Hub asks: no symbol required; minimum length 7 (8 or more required)',
      '333333333333': 'The password policy is weaker than Security Hub asks: no upper-case letter required',
    });
    expect((await checkFindings(db, 'iam_password_policy_strong'))[0]!.resource_id).toBe(`arn:aws:iam::${acct}:root`);
  });

  it('fails an account whose password policy was not collected at all', async () => {
    await seedAccounts(db, acct);
    expect(Object.keys(await reasons('iam_password_policy_strong'))).toEqual([acct]);
  });

  it('passes every character class at length 8, without expiry or reuse rules (not among its parameters)', async () => {
    await seedAccounts(db, acct);
    await seed(db, 'aws_iam_password_policies', [policy(acct, { minimum_password_length: 8, max_password_age: null, expire_passwords: false, password_reuse_prevention: null })]);
    expect(await checkFindings(db, 'iam_password_policy_strong')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_password_policy_strong')).toEqual([]);
  });
});

describe('iam_password_policy_pci_dss (FSBP IAM.10)', () => {
  it('fails no policy, passwords that never expire, expiry past 90 days, reuse below 4, length below 7 and a missing class', async () => {
    await seedAccounts(db, acct, other, '333333333333');
    await seed(db, 'aws_iam_password_policies', [
      { account_id: acct, configured: false },
      policy(other, { max_password_age: null, expire_passwords: false, password_reuse_prevention: 3 }),
      policy('333333333333', { max_password_age: 180, minimum_password_length: 6, require_numbers: false }),
    ]);
    expect(await reasons('iam_password_policy_pci_dss')).toEqual({
      [acct]: 'The account has no IAM password policy (AWS defaults apply)',
      [other]: 'The password policy misses the PCI DSS settings: reuse prevention 3 (4 or more previous passwords required); passwords never expire (90 days or fewer required)',
      '333333333333': 'The password policy misses the PCI DSS settings: no number required; minimum length 6 (7 or more required); passwords expire after 180 days (90 days or fewer required)',
    });
  });

  it('passes length 7, reuse 4, expiry at 90 days and no symbol requirement (symbols are not among its settings)', async () => {
    await seedAccounts(db, acct);
    await seed(db, 'aws_iam_password_policies', [policy(acct, { minimum_password_length: 7, password_reuse_prevention: 4, max_password_age: 90, require_symbols: false })]);
    expect(await checkFindings(db, 'iam_password_policy_pci_dss')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_password_policy_pci_dss')).toEqual([]);
  });
});
