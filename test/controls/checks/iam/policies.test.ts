import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';
import { inlineColumns, managedPolicyDocumentColumns } from '../../../../sync/iam/principal-rows.js';
import { acct, daysAgo, other, seedAccounts, userArn } from './fixtures.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const policy = (name: string, document: unknown, extra: Record<string, unknown> = {}) => ({
  arn: `arn:aws:iam::${acct}:policy/${name}`,
  policy_name: name,
  is_aws_managed: false,
  attachment_count: 1,
  // The derived columns come from the sync's own code, as a real sync would store them.
  ...managedPolicyDocumentColumns(document, name, undefined),
  ...extra,
});
const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const inline = (owner: string, ...policies: Array<{ name: string; document: unknown }>) =>
  inlineColumns(policies.map((p) => ({ PolicyName: p.name, PolicyDocument: JSON.stringify(p.document) })), owner, undefined);

describe('iam_policy_no_full_admin', () => {
  it('fails attached policies allowing every action on every resource in any of the shapes IAM accepts', async () => {
    await seed(db, 'aws_iam_policies', [
      policy('single-object', { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }),
      policy('lists', doc({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }, { Sid: 'Everything', Effect: 'Allow', Action: ['ec2:*', '*'], Resource: ['arn:aws:s3:::x', '*'] })),
      policy('star-colon-star', doc({ Effect: 'Allow', Action: '*:*', Resource: '*' })),
      policy('arn-pattern', doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:*:*:*:*' })),
      policy('not-action-nothing', doc({ Effect: 'Allow', NotAction: [], Resource: '*' })),
      policy('AdministratorAccess', doc({ Effect: 'Allow', Action: '*', Resource: '*' }), { arn: 'arn:aws:iam::aws:policy/AdministratorAccess', is_aws_managed: true, attachment_count: 3 }),
    ]);
    const rows = await checkFindings(db, 'iam_policy_no_full_admin');
    expect(rows.map((r) => r.resource_id).sort()).toEqual(
      ['arn-pattern', 'lists', 'not-action-nothing', 'single-object', 'star-colon-star'].map((n) => `arn:aws:iam::${acct}:policy/${n}`).concat('arn:aws:iam::aws:policy/AdministratorAccess'),
    );
    expect(rows.find((r) => r.resource_id === 'arn:aws:iam::aws:policy/AdministratorAccess')).toMatchObject({ reason: 'Managed policy AdministratorAccess allows every action on every resource (statement #1)', attachment_count: 3 });
    expect(rows.find((r) => r.resource_id === `arn:aws:iam::${acct}:policy/lists`)).toMatchObject({ statements: ['Everything'] });
  });

  it('fails a full-admin statement under a condition, and says so', async () => {
    await seed(db, 'aws_iam_policies', [policy('mfa-admin', doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }))]);
    expect((await checkFindings(db, 'iam_policy_no_full_admin')).map((r) => r.reason)).toEqual(['Managed policy mfa-admin allows every action on every resource (statement #1) under a condition']);
  });

  it('passes unattached admin policies, Deny statements, service wildcards, NotAction exclusions and narrowed resources', async () => {
    await seed(db, 'aws_iam_policies', [
      policy('unattached-admin', doc({ Effect: 'Allow', Action: '*', Resource: '*' }), { attachment_count: 0 }),
      policy('deny-all', doc({ Effect: 'Deny', Action: '*', Resource: '*' })),
      policy('s3-admin', doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })),
      policy('iam-admin', doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' })),
      policy('power-user', doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' })),
      policy('one-bucket', doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/*' })),
      policy('one-account', doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:*:*:111111111111:*' })),
    ]);
    expect(await checkFindings(db, 'iam_policy_no_full_admin')).toEqual([]);
  });

  it('fails an attached policy whose document could not be analysed, rather than passing it', async () => {
    await seed(db, 'aws_iam_policies', [policy('unknown', null)]);
    expect((await checkFindings(db, 'iam_policy_no_full_admin')).map((r) => r.reason)).toEqual(['Managed policy unknown could not be analysed (its document is unknown): sync again']);
  });

  it('fails an inline policy of a user, group or role that allows every action on every resource', async () => {
    const admin = { name: 'god-mode', document: doc({ Effect: 'Allow', Action: '*:*', Resource: 'arn:*' }) };
    await seed(db, 'aws_iam_users', [
      { arn: userArn('judy'), user_name: 'judy', inline_policy_names: ['god-mode'], ...inline('user judy', admin) },
      { arn: userArn('ok'), user_name: 'ok', inline_policy_names: [], ...inline('user ok') },
    ]);
    await seed(db, 'aws_iam_groups', [{ arn: `arn:aws:iam::${acct}:group/ops`, group_name: 'ops', inline_policy_names: ['god-mode'], ...inline('group ops', admin) }]);
    await seed(db, 'aws_iam_roles', [
      { arn: `arn:aws:iam::${acct}:role/deploy`, role_name: 'deploy', inline_policy_names: ['narrow'], ...inline('role deploy', { name: 'narrow', document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) }) },
    ]);
    const rows = await checkFindings(db, 'iam_policy_no_full_admin');
    expect(rows.map((r) => [r.resource_id, r.reason]).sort()).toEqual([
      [`arn:aws:iam::${acct}:group/ops`, 'Inline policy god-mode of group ops allows every action on every resource'],
      [userArn('judy'), 'Inline policy god-mode of user judy allows every action on every resource'],
    ]);
  });

  it('fails a principal whose inline policies could not be analysed', async () => {
    await seed(db, 'aws_iam_roles', [{ arn: `arn:aws:iam::${acct}:role/odd`, role_name: 'odd', inline_policy_names: ['p'], full_admin_inline_policies: null }]);
    expect((await checkFindings(db, 'iam_policy_no_full_admin')).map((r) => r.reason)).toEqual(['role odd has inline policies that could not be analysed: sync again']);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_policy_no_full_admin')).toEqual([]);
  });
});

describe('iam_support_role_exists', () => {
  it('passes an account with a role holding AWSSupportAccess and fails one without', async () => {
    await seedAccounts(db, acct, other);
    await seed(db, 'aws_iam_policy_entities', [
      { account_id: acct, policy_arn: 'arn:aws:iam::aws:policy/AWSSupportAccess', policy_name: 'AWSSupportAccess', entity_type: 'role', entity_name: 'support', entity_id: 'AROA1' },
      { account_id: other, policy_arn: 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess', policy_name: 'AWSCloudShellFullAccess', entity_type: 'role', entity_name: 'shell', entity_id: 'AROA2' },
    ]);
    expect(await checkFindings(db, 'iam_support_role_exists')).toEqual([
      expect.objectContaining({ resource_id: `arn:aws:iam::${other}:root`, account_id: other, region: 'global', reason: expect.stringMatching(/No IAM role has AWSSupportAccess attached, so nobody/) }),
    ]);
  });

  it('fails an account where only a user holds AWSSupportAccess, as the CIS audit reads PolicyRoles', async () => {
    await seedAccounts(db, acct);
    await seed(db, 'aws_iam_policy_entities', [{ account_id: acct, policy_arn: 'arn:aws:iam::aws:policy/AWSSupportAccess', policy_name: 'AWSSupportAccess', entity_type: 'user', entity_name: 'kim', entity_id: 'AIDA1' }]);
    expect(await checkFindings(db, 'iam_support_role_exists')).toEqual([expect.objectContaining({ reason: expect.stringMatching(/only 1 user\(s\) or group\(s\) do/), users_and_groups_with_support_access: 1 })]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_support_role_exists')).toEqual([]);
  });
});

describe('iam_no_expired_server_certificates', () => {
  it('fails a certificate that expired yesterday and passes one that expires next month', async () => {
    await seed(db, 'aws_iam_server_certificates', [
      { arn: `arn:aws:iam::${acct}:server-certificate/old`, server_certificate_name: 'old', expiration: daysAgo(1) },
      { arn: `arn:aws:iam::${acct}:server-certificate/new`, server_certificate_name: 'new', expiration: daysAgo(-30) },
    ]);
    expect(await checkFindings(db, 'iam_no_expired_server_certificates')).toEqual([
      expect.objectContaining({ resource_id: `arn:aws:iam::${acct}:server-certificate/old`, server_certificate_name: 'old', reason: expect.stringMatching(/expired on \d{4}-\d\d-\d\d/) }),
    ]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_no_expired_server_certificates')).toEqual([]);
  });
});
