import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const accounts = ['111111111111', '222222222222', '333333333333', '444444444444'];
async function accountsWith(policies: Array<Record<string, unknown>>) {
  await seed(db, 'aws_accounts', accounts.slice(0, policies.length).map((account_id) => ({ account_id, region: 'global', arn: `arn:aws:::${account_id}`, partition: 'aws' })));
  await seed(db, 'aws_iam_password_policies', policies.map((p, i) => ({ account_id: accounts[i], region: 'global', ...p })));
}

describe('iam_password_policy_expires_within_90_days', () => {
  it('fails no policy, a policy without expiry, and expiry after more than 90 days, saying which', async () => {
    await accountsWith([
      { configured: false },
      { configured: true, expire_passwords: false, max_password_age: null },
      { configured: true, expire_passwords: true, max_password_age: 180 },
      { configured: true, expire_passwords: true, max_password_age: 90 },
    ]);
    const rows = await checkFindings(db, 'iam_password_policy_expires_within_90_days');
    expect(rows.map((r) => [r.resource_id, r.reason])).toEqual([
      ['arn:aws:iam::111111111111:root', 'The account has no IAM password policy (AWS defaults never expire passwords)'],
      ['arn:aws:iam::222222222222:root', 'The password policy does not make passwords expire'],
      ['arn:aws:iam::333333333333:root', 'The password policy lets passwords live 180 days; 90 or fewer are required'],
    ]);
  });

  it('passes a policy that expires passwords within 90 days', async () => {
    await accountsWith([{ configured: true, expire_passwords: true, max_password_age: 60 }]);
    expect(await checkFindings(db, 'iam_password_policy_expires_within_90_days')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_password_policy_expires_within_90_days')).toEqual([]);
  });
});
