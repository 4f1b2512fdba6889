import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';
import { daysAgo, userArn } from './fixtures.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const key = (id: string, created: Date, last_used_date: Date | null, status = 'Active') => ({
  access_key_id: id, user_name: 'ana', user_arn: userArn('ana'), status, create_date: created, last_used_date,
});
const report = (user: string, r: Record<string, unknown>) => ({ user, arn: userArn(user), is_root: false, user_creation_time: daysAgo(400), ...r });
const check = async () => (await checkFindings(db, 'iam_user_unused_credentials_90_days')).map((r) => [r.resource_id, r.credential]).sort();

describe('iam_user_unused_credentials_90_days', () => {
  it('fails passwords and active keys unused for 90 days or more, never-used ones counted from their creation', async () => {
    await seed(db, 'aws_iam_access_keys', [key('AKIASTALE', daysAgo(300), daysAgo(95)), key('AKIANEVER', daysAgo(120), null)]);
    await seed(db, 'aws_iam_credential_report', [
      report('ana', { password_enabled: true, password_last_used: daysAgo(91) }),
      report('bo', { password_enabled: true, password_last_used: null, password_last_changed: daysAgo(100) }),
    ]);
    expect(await check()).toEqual([['AKIANEVER', 'access key'], ['AKIASTALE', 'access key'], [userArn('ana'), 'password'], [userArn('bo'), 'password']]);
    const reasons = (await checkFindings(db, 'iam_user_unused_credentials_90_days')).map((r) => String(r.reason));
    expect(reasons.every((r) => r.includes('(90 days or more before'))).toBe(true);
  });

  it('passes credentials used within 90 days (that CIS 1.12 at 45 days fails), inactive keys, and the root user', async () => {
    await seed(db, 'aws_iam_access_keys', [key('AKIAUSED', daysAgo(300), daysAgo(60)), key('AKIAOFF', daysAgo(300), daysAgo(200), 'Inactive')]);
    await seed(db, 'aws_iam_credential_report', [
      report('ana', { password_enabled: true, password_last_used: daysAgo(60) }),
      report('nopw', { password_enabled: false }),
      { user: '<root_account>', arn: 'arn:aws:iam::111111111111:root', is_root: true, password_enabled: true, password_last_used: daysAgo(300) },
    ]);
    expect(await check()).toEqual([]);
    expect((await checkFindings(db, 'iam_user_unused_credentials_disabled')).map((r) => r.resource_id).sort()).toEqual(['AKIAUSED', userArn('ana')]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await check()).toEqual([]);
  });
});
