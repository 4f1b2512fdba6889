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

describe('iam_password_policy_min_length_14', () => {
  it('fails a 12-character minimum and passes 14', async () => {
    await seedAccounts(db, acct, other);
    await seed(db, 'aws_iam_password_policies', [
      { account_id: acct, configured: true, minimum_password_length: 12, password_reuse_prevention: 24 },
      { account_id: other, configured: true, minimum_password_length: 14, password_reuse_prevention: 24 },
    ]);
    expect(await checkFindings(db, 'iam_password_policy_min_length_14')).toEqual([
      expect.objectContaining({ resource_id: `arn:aws:iam::${acct}:root`, account_id: acct, region: 'global', reason: expect.stringMatching(/only 12 characters/), minimum_password_length: 12 }),
    ]);
  });

  it('fails an account with no password policy, whether stored as configured = false or not stored at all', async () => {
    await seedAccounts(db, acct, other);
    await seed(db, 'aws_iam_password_policies', [{ account_id: acct, configured: false }]);
    const rows = await checkFindings(db, 'iam_password_policy_min_length_14');
    expect(rows.map((r) => r.account_id).sort()).toEqual([acct, other]);
    expect(rows.every((r) => /no IAM password policy/.test(String(r.reason)))).toBe(true);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_password_policy_min_length_14')).toEqual([]);
  });
});

describe('iam_password_policy_prevents_reuse', () => {
  it('fails a policy remembering 5 passwords, passes 24', async () => {
    await seedAccounts(db, acct, other);
    await seed(db, 'aws_iam_password_policies', [
      { account_id: acct, configured: true, minimum_password_length: 14, password_reuse_prevention: 5 },
      { account_id: other, configured: true, minimum_password_length: 14, password_reuse_prevention: 24 },
    ]);
    expect(await checkFindings(db, 'iam_password_policy_prevents_reuse')).toEqual([expect.objectContaining({ account_id: acct, reason: expect.stringMatching(/only 5 previous passwords; 24/) })]);
  });

  it('fails a policy without reuse prevention and an account without a policy', async () => {
    await seedAccounts(db, acct, other);
    await seed(db, 'aws_iam_password_policies', [
      { account_id: acct, configured: true, minimum_password_length: 20 },
      { account_id: other, configured: false },
    ]);
    const rows = await checkFindings(db, 'iam_password_policy_prevents_reuse');
    expect(rows.map((r) => [r.account_id, r.reason]).sort()).toEqual([
      [acct, 'The password policy does not prevent password reuse'],
      [other, 'The account has no IAM password policy, so passwords can be reused'],
    ]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_password_policy_prevents_reuse')).toEqual([]);
  });
});
