import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';
import { userArn } from './fixtures.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const user = (name: string, password_enabled: boolean, mfa_active: boolean | null) => ({ arn: userArn(name), user_name: name, password_enabled, mfa_active });
const check = async () => (await checkFindings(db, 'iam_user_mfa_enabled')).map((r) => [r.user_name, r.reason]);

describe('iam_user_mfa_enabled', () => {
  it('fails users without MFA whether or not they have a console password, and users whose MFA could not be read', async () => {
    await seed(db, 'aws_iam_users', [user('api-only', false, false), user('console', true, false), user('unread', false, null)]);
    expect(await check()).toEqual([
      ['api-only', 'User api-only has no MFA device'],
      ['console', 'User console has no MFA device (it has a console password)'],
      ['unread', 'User unread: its MFA devices could not be read'],
    ]);
  });

  it('passes users with an MFA device, console password or not', async () => {
    await seed(db, 'aws_iam_users', [user('ana', true, true), user('ci', false, true)]);
    expect(await check()).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await check()).toEqual([]);
  });
});
