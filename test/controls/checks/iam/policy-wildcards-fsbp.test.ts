import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { inlineColumns, managedPolicyDocumentColumns } from '../../../../sync/iam/principal-rows.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';
import { acct } from './fixtures.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const policyArn = (name: string) => `arn:aws:iam::${acct}:policy/${name}`;
// The derived columns come from the sync's own code, as a real sync stores them.
const policy = (name: string, document: unknown, extra: Record<string, unknown> = {}) => ({
  arn: policyArn(name), policy_name: name, is_aws_managed: false, attachment_count: 0, ...managedPolicyDocumentColumns(document, name, policyArn(name)), ...extra,
});
const unreadable = (name: string) => ({ arn: policyArn(name), policy_name: name, is_aws_managed: false, attachment_count: 1 });
const role = (name: string, ...policies: Array<{ name: string; document: unknown }>) => {
  const arn = `arn:aws:iam::${acct}:role/${name}`;
  return { arn, role_name: name, inline_policy_names: policies.map((p) => p.name), ...inlineColumns(policies.map((p) => ({ PolicyName: p.name, PolicyDocument: JSON.stringify(p.document) })), `role ${name}`, arn) };
};
const ids = async (check: string) => (await checkFindings(db, check)).map((r) => String(r.resource_id).split('/').pop());

describe('iam_customer_policy_no_service_wildcard (FSBP IAM.21)', () => {
  it('fails customer policies, attached or not, with a service wildcard, a NotAction, or an unknown document', async () => {
    await seed(db, 'aws_iam_policies', [
      policy('ec2-all', doc({ Sid: 'Ec2', Effect: 'Allow', Action: 'ec2:*', Resource: 'arn:aws:ec2:*:*:instance/*' })),
      policy('not-iam', doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), { attachment_count: 2 }),
      unreadable('unknown'),
    ]);
    expect(await ids('iam_customer_policy_no_service_wildcard')).toEqual(['ec2-all', 'not-iam', 'unknown']);
    const [first] = await checkFindings(db, 'iam_customer_policy_no_service_wildcard');
    expect(first!.reason).toBe('Customer managed policy ec2-all allows every action of a service (statement Ec2)');
  });

  it('passes prefixed wildcards and named actions, denies, and AWS managed policies', async () => {
    await seed(db, 'aws_iam_policies', [
      policy('read', doc({ Effect: 'Allow', Action: ['ec2:Describe*', 's3:GetObject'], Resource: '*' }, { Effect: 'Deny', Action: 'iam:*', Resource: '*' })),
      policy('AmazonEC2FullAccess', doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }), { arn: 'arn:aws:iam::aws:policy/AmazonEC2FullAccess', is_aws_managed: true }),
    ]);
    expect(await ids('iam_customer_policy_no_service_wildcard')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_customer_policy_no_service_wildcard')).toEqual([]);
  });
});

describe('iam_customer_policy_no_kms_decrypt_all_keys (FSBP KMS.1)', () => {
  it('fails Decrypt or ReEncryptFrom on every key, however spelled and under a condition, and an unknown document', async () => {
    await seed(db, 'aws_iam_policies', [
      policy('kms-star', doc({ Effect: 'Allow', Action: 'kms:*', Resource: '*' })),
      policy('reencrypt', doc({ Effect: 'Allow', Action: 'kms:ReEncrypt*', Resource: 'arn:aws:kms:*:*:key/*' })),
      policy('via-s3', doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } })),
      unreadable('unknown'),
    ]);
    expect(await ids('iam_customer_policy_no_kms_decrypt_all_keys')).toEqual(['kms-star', 'reencrypt', 'unknown', 'via-s3']);
  });

  it('passes named keys, one account or region, other KMS actions, and AWS managed policies', async () => {
    await seed(db, 'aws_iam_policies', [
      policy('one-key', doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab' })),
      policy('own-account', doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:*:111111111111:key/*' })),
      policy('encrypt', doc({ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:GenerateDataKey*'], Resource: '*' })),
      policy('AWSKeyManagementServicePowerUser', doc({ Effect: 'Allow', Action: 'kms:*', Resource: '*' }), { arn: 'arn:aws:iam::aws:policy/AWSKeyManagementServicePowerUser', is_aws_managed: true }),
    ]);
    expect(await ids('iam_customer_policy_no_kms_decrypt_all_keys')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_customer_policy_no_kms_decrypt_all_keys')).toEqual([]);
  });
});

describe('iam_inline_policy_no_kms_decrypt_all_keys (FSBP KMS.2)', () => {
  it('fails each inline policy of a user, group or role allowing Decrypt on every key, and unanalysed inline policies', async () => {
    const decryptAll = doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' });
    await seed(db, 'aws_iam_roles', [role('app', { name: 'decrypt', document: decryptAll }, { name: 'read', document: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) })]);
    await seed(db, 'aws_iam_users', [
      { arn: `arn:aws:iam::${acct}:user/ana`, user_name: 'ana', inline_policy_names: ['all'], ...inlineColumns([{ PolicyName: 'all', PolicyDocument: JSON.stringify(doc({ Effect: 'Allow', Action: '*', Resource: '*' })) }], 'user ana', undefined) },
    ]);
    await seed(db, 'aws_iam_groups', [{ arn: `arn:aws:iam::${acct}:group/ops`, group_name: 'ops', inline_policy_names: ['broken'], kms_decrypt_inline_policies: null }]);
    const rows = await checkFindings(db, 'iam_inline_policy_no_kms_decrypt_all_keys');
    expect(rows.map((r) => [r.principal_type, r.policy_name, r.reason])).toEqual([
      ['group', null, 'The group ops has inline policies that could not be analysed: sync again'],
      ['role', 'decrypt', 'Inline policy decrypt of the role app allows kms:Decrypt or kms:ReEncryptFrom on every KMS key'],
      ['user', 'all', 'Inline policy all of the user ana allows kms:Decrypt or kms:ReEncryptFrom on every KMS key'],
    ]);
  });

  it('passes principals whose inline policies name their keys, and principals without inline policies', async () => {
    await seed(db, 'aws_iam_roles', [
      role('app', { name: 'one-key', document: doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111111111111:key/k1' }) }),
      role('bare'),
    ]);
    expect(await checkFindings(db, 'iam_inline_policy_no_kms_decrypt_all_keys')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'iam_inline_policy_no_kms_decrypt_all_keys')).toEqual([]);
  });
});
