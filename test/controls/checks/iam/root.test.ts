import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';
import { acct, daysAgo, other, seedAccounts } from './fixtures.js';

// The <root_account> credential-report row and the root flags of GetAccountSummary are seeded directly:
// moto never reports them (its summary flags are fixed at 0 and its report has no root row).
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const rootRow = (account: string, extra: Record<string, unknown> = {}) => ({
  account_id: account,
  user: '<root_account>',
  arn: `arn:aws:iam::${account}:root`,
  is_root: true,
  mfa_active: true,
  access_key_1_active: false,
  access_key_2_active: false,
  ...extra,
});

describe('iam_root_no_access_keys', () => {
  it('fails an account whose summary says root has access keys and passes one that has none', async () => {
    await seedAccounts(db, acct, other);
    await seed(db, 'aws_iam_account_summaries', [
      { account_id: acct, account_access_keys_present: true, account_mfa_enabled: true },
      { account_id: other, account_access_keys_present: false, account_mfa_enabled: true },
    ]);
    const rows = await checkFindings(db, 'iam_root_no_access_keys');
    expect(rows).toEqual([expect.objectContaining({ resource_id: `arn:aws:iam::${acct}:root`, account_id: acct, region: 'global', reason: expect.stringMatching(/root user has access keys/) })]);
  });

  it('fails on an active root key in the credential report even when the summary says none', async () => {
    await seedAccounts(db, acct);
    await seed(db, 'aws_iam_account_summaries', [{ account_id: acct, account_access_keys_present: false }]);
    await seed(db, 'aws_iam_credential_report', [rootRow(acct, { access_key_2_active: true })]);
    expect(await checkFindings(db, 'iam_root_no_access_keys')).toEqual([expect.objectContaining({ account_id: acct, reason: expect.stringMatching(/credential report/) })]);
  });

  it('fails an account with no evidence at all, and returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_root_no_access_keys')).toEqual([]);
    await seedAccounts(db, acct);
    expect(await checkFindings(db, 'iam_root_no_access_keys')).toEqual([expect.objectContaining({ reason: expect.stringMatching(/cannot be ruled out/) })]);
  });
});

describe('iam_root_mfa_enabled', () => {
  it('fails an account without root MFA and passes one with it', async () => {
    await seedAccounts(db, acct, other);
    await seed(db, 'aws_iam_account_summaries', [
      { account_id: acct, account_mfa_enabled: false },
      { account_id: other, account_mfa_enabled: true },
    ]);
    expect(await checkFindings(db, 'iam_root_mfa_enabled')).toEqual([expect.objectContaining({ account_id: acct, reason: 'The root user has no MFA device' })]);
  });

  it('falls back to the credential report root row when the summary is missing', async () => {
    await seedAccounts(db, acct, other);
    await seed(db, 'aws_iam_credential_report', [rootRow(acct, { mfa_active: true }), rootRow(other, { mfa_active: false })]);
    expect(await checkFindings(db, 'iam_root_mfa_enabled')).toEqual([expect.objectContaining({ account_id: other })]);
  });

  it('returns nothing for an empty inventory and fails an account with no evidence', async () => {
    expect(await checkFindings(db, 'iam_root_mfa_enabled')).toEqual([]);
    await seedAccounts(db, acct);
    expect(await checkFindings(db, 'iam_root_mfa_enabled')).toEqual([expect.objectContaining({ reason: expect.stringMatching(/cannot be confirmed/) })]);
  });
});

describe('iam_root_hardware_mfa_enabled', () => {
  it('fails a root user whose MFA is the virtual root-account-mfa-device', async () => {
    await seedAccounts(db, acct);
    await seed(db, 'aws_iam_account_summaries', [{ account_id: acct, account_mfa_enabled: true }]);
    await seed(db, 'aws_iam_virtual_mfa_devices', [
      { account_id: acct, serial_number: `arn:aws:iam::${acct}:mfa/root-account-mfa-device`, user_arn: `arn:aws:iam::${acct}:root`, is_root: true },
    ]);
    expect(await checkFindings(db, 'iam_root_hardware_mfa_enabled')).toEqual([
      expect.objectContaining({ account_id: acct, reason: expect.stringMatching(/virtual device/), root_virtual_mfa_serial: `arn:aws:iam::${acct}:mfa/root-account-mfa-device` }),
    ]);
  });

  it('fails a root-named virtual device even when it is not shown as assigned', async () => {
    await seedAccounts(db, acct);
    await seed(db, 'aws_iam_account_summaries', [{ account_id: acct, account_mfa_enabled: true }]);
    await seed(db, 'aws_iam_virtual_mfa_devices', [{ account_id: acct, serial_number: `arn:aws:iam::${acct}:mfa/root-account-mfa-device`, is_root: false }]);
    expect(await checkFindings(db, 'iam_root_hardware_mfa_enabled')).toHaveLength(1);
  });

  it('passes root MFA with only users’ virtual devices around, and fails an account without root MFA', async () => {
    await seedAccounts(db, acct, other);
    await seed(db, 'aws_iam_account_summaries', [
      { account_id: acct, account_mfa_enabled: true },
      { account_id: other, account_mfa_enabled: false },
    ]);
    await seed(db, 'aws_iam_virtual_mfa_devices', [{ account_id: acct, serial_number: `arn:aws:iam::${acct}:mfa/alice`, user_arn: `arn:aws:iam::${acct}:user/alice`, is_root: false }]);
    expect(await checkFindings(db, 'iam_root_hardware_mfa_enabled')).toEqual([expect.objectContaining({ account_id: other, reason: expect.stringMatching(/no MFA device/) })]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_root_hardware_mfa_enabled')).toEqual([]);
  });
});

describe('iam_root_not_used_recently', () => {
  it('fails a root user that signed in two days ago', async () => {
    await seedAccounts(db, acct);
    await seed(db, 'aws_iam_credential_report', [rootRow(acct, { password_last_used: daysAgo(2) })]);
    expect(await checkFindings(db, 'iam_root_not_used_recently')).toEqual([expect.objectContaining({ account_id: acct, reason: expect.stringMatching(/was used on .* within the last 7 days/) })]);
  });

  it('fails recent use of a root access key even when the password was last used long ago', async () => {
    await seedAccounts(db, acct);
    await seed(db, 'aws_iam_credential_report', [rootRow(acct, { password_last_used: daysAgo(300), access_key_1_last_used_date: daysAgo(1) })]);
    expect(await checkFindings(db, 'iam_root_not_used_recently')).toHaveLength(1);
  });

  it('passes a root user last used 30 days ago or never used', async () => {
    await seedAccounts(db, acct, other);
    await seed(db, 'aws_iam_credential_report', [rootRow(acct, { password_last_used: daysAgo(30) }), rootRow(other)]);
    expect(await checkFindings(db, 'iam_root_not_used_recently')).toEqual([]);
  });

  it('fails an account whose report has no root row, and returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_root_not_used_recently')).toEqual([]);
    await seedAccounts(db, acct);
    expect(await checkFindings(db, 'iam_root_not_used_recently')).toEqual([expect.objectContaining({ reason: expect.stringMatching(/no <root_account> row/) })]);
  });
});
