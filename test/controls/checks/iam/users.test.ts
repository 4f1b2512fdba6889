import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';
import { acct, daysAgo, userArn } from './fixtures.js';

// Dates in the past are seeded directly: moto stamps every credential with "now".
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const user = (name: string, extra: Record<string, unknown> = {}) => ({
  arn: userArn(name),
  user_name: name,
  password_enabled: false,
  mfa_active: false,
  attached_policy_arns: [],
  inline_policy_names: [],
  group_names: [],
  ...extra,
});
const key = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  access_key_id: id,
  user_name: name,
  user_arn: userArn(name),
  status: 'Active',
  create_date: daysAgo(10),
  last_used_date: daysAgo(1),
  ...extra,
});
const report = (name: string, extra: Record<string, unknown> = {}) => ({
  user: name,
  arn: userArn(name),
  is_root: false,
  user_creation_time: daysAgo(400),
  password_enabled: true,
  ...extra,
});

describe('iam_user_console_mfa_enabled', () => {
  it('fails a console user without MFA and passes one with MFA and one without a password', async () => {
    await seed(db, 'aws_iam_users', [
      user('no-mfa', { password_enabled: true }),
      user('with-mfa', { password_enabled: true, mfa_active: true }),
      user('api-only'),
    ]);
    expect(await checkFindings(db, 'iam_user_console_mfa_enabled')).toEqual([
      expect.objectContaining({ resource_id: userArn('no-mfa'), account_id: acct, region: 'global', reason: 'User no-mfa has a console password but no MFA device' }),
    ]);
  });

  it('fails closed when the MFA devices of a console user could not be read', async () => {
    await seed(db, 'aws_iam_users', [user('unknown', { password_enabled: true, mfa_active: null })]);
    expect(await checkFindings(db, 'iam_user_console_mfa_enabled')).toEqual([expect.objectContaining({ reason: expect.stringMatching(/could not be read/) })]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_user_console_mfa_enabled')).toEqual([]);
  });
});

describe('iam_user_no_initial_access_key', () => {
  it('fails a never-used active key of a console user', async () => {
    await seed(db, 'aws_iam_users', [user('carol', { password_enabled: true, mfa_active: true })]);
    await seed(db, 'aws_iam_access_keys', [key('AKIACAROL', 'carol', { last_used_date: null })]);
    expect(await checkFindings(db, 'iam_user_no_initial_access_key')).toEqual([
      expect.objectContaining({ resource_id: 'AKIACAROL', user_name: 'carol', reason: expect.stringMatching(/never been used/) }),
    ]);
  });

  it('passes a used key, an inactive unused key, and an unused key of a user without a console password', async () => {
    await seed(db, 'aws_iam_users', [user('dave', { password_enabled: true }), user('bot')]);
    await seed(db, 'aws_iam_access_keys', [
      key('AKIADAVE1', 'dave'),
      key('AKIADAVE2', 'dave', { status: 'Inactive', last_used_date: null }),
      key('AKIABOT', 'bot', { last_used_date: null }),
    ]);
    expect(await checkFindings(db, 'iam_user_no_initial_access_key')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_user_no_initial_access_key')).toEqual([]);
  });
});

describe('iam_user_unused_credentials_disabled', () => {
  it('fails a password last used 60 days ago and an active key last used 50 days ago', async () => {
    await seed(db, 'aws_iam_credential_report', [report('erin', { password_last_used: daysAgo(60) })]);
    await seed(db, 'aws_iam_access_keys', [key('AKIAERIN', 'erin', { create_date: daysAgo(200), last_used_date: daysAgo(50) })]);
    const rows = await checkFindings(db, 'iam_user_unused_credentials_disabled');
    expect(rows.map((r) => [r.resource_id, r.credential]).sort()).toEqual([
      ['AKIAERIN', 'access key'],
      [userArn('erin'), 'password'],
    ]);
  });

  it('counts a never-used password from when it was set and a never-used key from its creation', async () => {
    await seed(db, 'aws_iam_credential_report', [
      report('old-unused', { password_last_used: null, password_last_changed: daysAgo(46) }),
      report('new-unused', { password_last_used: null, password_last_changed: daysAgo(3) }),
      report('no-change-date', { password_last_used: null, password_last_changed: null, user_creation_time: daysAgo(90) }),
    ]);
    await seed(db, 'aws_iam_access_keys', [
      key('AKIAOLDNEVER', 'old-unused', { create_date: daysAgo(46), last_used_date: null }),
      key('AKIANEWNEVER', 'new-unused', { create_date: daysAgo(2), last_used_date: null }),
    ]);
    const ids = (await checkFindings(db, 'iam_user_unused_credentials_disabled')).map((r) => r.resource_id).sort();
    expect(ids).toEqual(['AKIAOLDNEVER', userArn('no-change-date'), userArn('old-unused')]);
  });

  it('passes recent use, disabled credentials, inactive keys and the root user', async () => {
    await seed(db, 'aws_iam_credential_report', [
      report('active', { password_last_used: daysAgo(5) }),
      report('no-password', { password_enabled: false, password_last_used: daysAgo(300) }),
      { user: '<root_account>', arn: `arn:aws:iam::${acct}:root`, is_root: true, password_last_used: daysAgo(300), user_creation_time: daysAgo(900) },
    ]);
    await seed(db, 'aws_iam_access_keys', [key('AKIARECENT', 'active', { create_date: daysAgo(300), last_used_date: daysAgo(44) }), key('AKIAOFF', 'active', { status: 'Inactive', create_date: daysAgo(300), last_used_date: null })]);
    expect(await checkFindings(db, 'iam_user_unused_credentials_disabled')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_user_unused_credentials_disabled')).toEqual([]);
  });
});

describe('iam_user_single_active_access_key', () => {
  it('fails a user with two active keys and passes one active plus one inactive', async () => {
    await seed(db, 'aws_iam_users', [user('frank'), user('grace')]);
    await seed(db, 'aws_iam_access_keys', [
      key('AKIAF1', 'frank'),
      key('AKIAF2', 'frank'),
      key('AKIAG1', 'grace'),
      key('AKIAG2', 'grace', { status: 'Inactive' }),
    ]);
    expect(await checkFindings(db, 'iam_user_single_active_access_key')).toEqual([
      expect.objectContaining({ resource_id: userArn('frank'), reason: 'User frank has 2 active access keys: AKIAF1, AKIAF2', active_access_key_ids: ['AKIAF1', 'AKIAF2'] }),
    ]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_user_single_active_access_key')).toEqual([]);
  });
});

describe('iam_access_key_rotated_90_days', () => {
  it('fails an active key created 91 days ago and passes an 89-day-old key and an old inactive key', async () => {
    await seed(db, 'aws_iam_access_keys', [
      key('AKIAOLD', 'heidi', { create_date: daysAgo(91) }),
      key('AKIAFRESH', 'heidi', { create_date: daysAgo(89) }),
      key('AKIAINACTIVE', 'ivan', { status: 'Inactive', create_date: daysAgo(400) }),
    ]);
    expect(await checkFindings(db, 'iam_access_key_rotated_90_days')).toEqual([
      expect.objectContaining({ resource_id: 'AKIAOLD', user_name: 'heidi', age_days: 91, reason: expect.stringMatching(/more than 90 days ago/) }),
    ]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_access_key_rotated_90_days')).toEqual([]);
  });
});

describe('iam_user_no_direct_policies', () => {
  it('fails users with attached or inline policies and passes a user with permissions through groups only', async () => {
    await seed(db, 'aws_iam_users', [
      user('attached', { attached_policy_arns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }),
      user('inline', { inline_policy_names: ['scratch'] }),
      user('grouped', { group_names: ['devs'] }),
    ]);
    const rows = await checkFindings(db, 'iam_user_no_direct_policies');
    expect(rows.map((r) => [r.resource_id, r.reason]).sort()).toEqual([
      [userArn('attached'), 'User attached has policies attached directly instead of permissions through groups'],
      [userArn('inline'), 'User inline has inline policies instead of permissions through groups'],
    ]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_user_no_direct_policies')).toEqual([]);
  });
});
