import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

const id = 'account_security_contact_registered';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const account = (account_id: string) => ({ account_id, arn: `arn:aws:::${account_id}`, partition: 'aws' });
const contact = (account_id: string, contact_type: string, configured: boolean) => ({ account_id, contact_type, configured });

describe(id, () => {
  it('fails an account without a security contact (other contacts do not count) and one never collected', async () => {
    await seed(db, 'aws_accounts', [account('111111111111'), account('222222222222')]);
    await seed(db, 'aws_account_alternate_contacts', [contact('111111111111', 'SECURITY', false), contact('111111111111', 'BILLING', true)]);
    expect(await checkFindings(db, id)).toEqual([
      { resource_id: 'arn:aws:iam::111111111111:root', account_id: '111111111111', region: 'global', reason: 'No security alternate contact is registered: AWS security notifications go only to the root email address' },
      { resource_id: 'arn:aws:iam::222222222222:root', account_id: '222222222222', region: 'global', reason: 'The alternate contacts of this account were not collected; the security contact cannot be confirmed' },
    ]);
  });

  it('passes an account with a registered security contact', async () => {
    await seed(db, 'aws_accounts', [account('111111111111')]);
    await seed(db, 'aws_account_alternate_contacts', [contact('111111111111', 'SECURITY', true)]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
