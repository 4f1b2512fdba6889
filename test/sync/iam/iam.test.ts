import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateSAMLProviderCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeleteAccountPasswordPolicyCommand,
  EnableMFADeviceCommand,
  IAMClient,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
  UpdateAccountPasswordPolicyCommand,
  UploadServerCertificateCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

const account = '123456789012';
const adminDoc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }] };
const bulkUsers = 105; // more than one page of ListUsers / GetAccountAuthorizationDetails (100)
const spareMfaDevices = 105; // ListVirtualMFADevices pages at 100 in moto: proves the paginator follows Marker

let moto: Moto;
let iam: IAMClient;
let db: Database;
let result: SyncResult;

async function inBatches<T>(items: T[], fn: (item: T) => Promise<unknown>, size = 15): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

const sync = (target: Database) =>
  runSync({ db: target, services: ['iam'], regions: ['us-east-1'], endpoint: moto.endpoint, credentials: testCredentials, maxAttempts: 2 });

beforeAll(async () => {
  moto = await startMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' });
  iam = new IAMClient(motoClientConfig(moto));
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  await inBatches(range(bulkUsers), (i) => iam.send(new CreateUserCommand({ UserName: `bulk-${String(i).padStart(3, '0')}` })));
  await inBatches(range(spareMfaDevices), (i) => iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: `spare-${i}` })));

  // alice: console password, virtual MFA, a group, an inline policy, a directly attached admin policy, two keys.
  await iam.send(new CreateUserCommand({ UserName: 'alice', Tags: [{ Key: 'team', Value: 'platform' }] }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'correct-Horse-battery-9', PasswordResetRequired: true }));
  const mfa = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice' }));
  await iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: mfa.VirtualMFADevice!.SerialNumber, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }));
  await iam.send(new CreateGroupCommand({ GroupName: 'devs' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'alice' }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'devs', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'alice-inline', PolicyDocument: JSON.stringify(adminDoc) }));
  const admin = await iam.send(new CreatePolicyCommand({ PolicyName: 'local-admin', PolicyDocument: JSON.stringify(adminDoc) }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: admin.Policy!.Arn }));
  await iam.send(new CreatePolicyCommand({ PolicyName: 'unattached', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } }) }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
  const old = await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
  await iam.send(new UpdateAccessKeyCommand({ UserName: 'alice', AccessKeyId: old.AccessKey!.AccessKeyId, Status: 'Inactive' }));

  // bob: no console password, one key, CloudShell attached directly.
  await iam.send(new CreateUserCommand({ UserName: 'bob' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'bob' }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'bob', PolicyArn: 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess' }));

  await iam.send(new CreateRoleCommand({ RoleName: 'support', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'support', PolicyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess' }));

  await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 14, PasswordReusePrevention: 24, RequireSymbols: true, RequireNumbers: true }));
  await iam.send(new UploadServerCertificateCommand({ ServerCertificateName: 'legacy-tls', CertificateBody: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', PrivateKey: 'not-a-real-key' }));
  await iam.send(new CreateSAMLProviderCommand({ Name: 'okta', SAMLMetadataDocument: '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="okta"/>' }));

  db = await memoryDb();
  result = await sync(db);
}, 120_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('iam sync against moto', () => {
  it('finishes without errors and counts every table it filled', async () => {
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('ok');
    expect(result.rowsByTable.aws_iam_users).toBe(bulkUsers + 2);
    const scopes = await db.all<{ table_name: string; status: string }>("SELECT table_name, status FROM sync_scopes WHERE table_name LIKE 'aws_iam_%' ORDER BY 1");
    expect(scopes).toHaveLength(12);
    expect(scopes.every((s) => s.status === 'ok')).toBe(true);
  });

  it('collects every user with password, MFA, groups and direct policies as typed columns', async () => {
    const n = await db.one<{ n: number }>("SELECT count(*) AS n FROM aws_iam_users WHERE region = 'global' AND account_id = ?", [account]);
    expect(n!.n).toBe(bulkUsers + 2);
    const alice = await db.one<Record<string, unknown>>(
      `SELECT arn, user_name, password_enabled, password_reset_required, mfa_active, mfa_device_serials, attached_policy_arns, inline_policy_names,
              group_names, tags->>'team' AS team, inline_policies->0->'document'->'Statement'->0->>'Action' AS inline_action,
              create_date IS NOT NULL AS has_date, raw->>'UserName' AS raw_name, raw->'CredentialReport'->>'user' AS raw_report_user
       FROM aws_iam_users WHERE user_name = 'alice'`,
    );
    expect(alice).toEqual({
      arn: `arn:aws:iam::${account}:user/alice`,
      user_name: 'alice',
      password_enabled: true,
      password_reset_required: null, // the credential report does not carry it (no per-user GetLoginProfile any more)
      mfa_active: true,
      mfa_device_serials: [`arn:aws:iam::${account}:mfa/alice`],
      attached_policy_arns: [`arn:aws:iam::${account}:policy/local-admin`],
      inline_policy_names: ['alice-inline'],
      group_names: ['devs'],
      team: 'platform',
      inline_action: '*',
      has_date: true,
      raw_name: 'alice',
      raw_report_user: 'alice',
    });
    const bob = await db.one('SELECT password_enabled, mfa_active, mfa_device_serials, group_names FROM aws_iam_users WHERE user_name = ?', ['bob']);
    expect(bob).toEqual({ password_enabled: false, mfa_active: false, mfa_device_serials: [], group_names: [] });
  });

  it('collects groups with their members and roles with decoded trust policies', async () => {
    const group = await db.one("SELECT group_name, user_names, attached_policy_arns FROM aws_iam_groups WHERE group_name = 'devs'");
    expect(group).toEqual({ group_name: 'devs', user_names: ['alice'], attached_policy_arns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] });
    const role = await db.one<Record<string, unknown>>(
      "SELECT arn, attached_policy_arns, assume_role_policy->'Statement'->0->>'Action' AS trust_action, raw->>'RoleName' AS raw_name FROM aws_iam_roles WHERE role_name = 'support'",
    );
    expect(role).toEqual({ arn: `arn:aws:iam::${account}:role/support`, attached_policy_arns: ['arn:aws:iam::aws:policy/AWSSupportAccess'], trust_action: 'sts:AssumeRole', raw_name: 'support' });
  });

  it('collects customer managed policies and only the attached AWS managed ones, with the default document', async () => {
    const rows = await db.all<Record<string, unknown>>(
      `SELECT policy_name, is_aws_managed, attachment_count, default_version_id, (document->'Statement') IS NOT NULL AS has_doc
       FROM aws_iam_policies ORDER BY is_aws_managed, policy_name`,
    );
    expect(rows).toEqual([
      { policy_name: 'local-admin', is_aws_managed: false, attachment_count: 1, default_version_id: 'v1', has_doc: true },
      { policy_name: 'unattached', is_aws_managed: false, attachment_count: 0, default_version_id: 'v1', has_doc: true },
      { policy_name: 'AWSCloudShellFullAccess', is_aws_managed: true, attachment_count: 1, default_version_id: expect.any(String), has_doc: true },
      { policy_name: 'AWSSupportAccess', is_aws_managed: true, attachment_count: 1, default_version_id: expect.any(String), has_doc: true },
      { policy_name: 'ReadOnlyAccess', is_aws_managed: true, attachment_count: 1, default_version_id: expect.any(String), has_doc: true },
    ]);
    const admin = await db.one("SELECT document->'Statement'->0->>'Resource' AS resource, raw->>'Arn' AS raw_arn FROM aws_iam_policies WHERE policy_name = 'local-admin'");
    expect(admin).toEqual({ resource: '*', raw_arn: `arn:aws:iam::${account}:policy/local-admin` });
    const support = await db.one<{ actions: string }>("SELECT document->'Statement'->0->>'Action' AS actions FROM aws_iam_policies WHERE policy_name = 'AWSSupportAccess'");
    expect(support!.actions).toContain('support:*');
  });

  it('stores every policy document normalised, with the full-admin fact derived at sync time', async () => {
    const rows = await db.all(
      `SELECT policy_name, document_normalized->'$.Statement[0].Action' AS actions, allows_full_admin, full_admin_statements
       FROM aws_iam_policies WHERE policy_name IN ('local-admin', 'unattached', 'ReadOnlyAccess') ORDER BY policy_name`,
    );
    expect(rows).toEqual([
      { policy_name: 'ReadOnlyAccess', actions: expect.stringMatching(/^\[".*"\]$/), allows_full_admin: false, full_admin_statements: [] },
      { policy_name: 'local-admin', actions: '["*"]', allows_full_admin: true, full_admin_statements: ['#1'] },
      { policy_name: 'unattached', actions: '["s3:getobject"]', allows_full_admin: false, full_admin_statements: [] },
    ]);
    const alice = await db.one("SELECT inline_policies_normalized->'$[0].document.Statement[0].Resource' AS resource, full_admin_inline_policies FROM aws_iam_users WHERE user_name = 'alice'");
    expect(alice).toEqual({ resource: '["*"]', full_admin_inline_policies: ['alice-inline'] });
    const role = await db.one("SELECT assume_role_policy_normalized->'$.Statement[0].Action' AS action, full_admin_inline_policies FROM aws_iam_roles WHERE role_name = 'support'");
    expect(role).toEqual({ action: '["sts:assumerole"]', full_admin_inline_policies: [] });
  });

  it('collects one row per access key with its status and no last use', async () => {
    const keys = await db.all('SELECT user_name, status, last_used_date, last_used_service, create_date IS NOT NULL AS dated FROM aws_iam_access_keys ORDER BY user_name, status');
    expect(keys).toEqual([
      { user_name: 'alice', status: 'Active', last_used_date: null, last_used_service: null, dated: true },
      { user_name: 'alice', status: 'Inactive', last_used_date: null, last_used_service: null, dated: true },
      { user_name: 'bob', status: 'Active', last_used_date: null, last_used_service: null, dated: true },
    ]);
    const raw = await db.one<{ id: string; raw_id: string }>("SELECT access_key_id AS id, raw->>'AccessKeyId' AS raw_id FROM aws_iam_access_keys WHERE user_name = 'bob'");
    expect(raw!.id).toMatch(/^AKIA/);
    expect(raw!.raw_id).toBe(raw!.id);
  });

  it('parses the credential report into typed rows, one per user', async () => {
    const n = await db.one<{ n: number }>('SELECT count(*) AS n FROM aws_iam_credential_report');
    expect(n!.n).toBe(bulkUsers + 2); // moto writes no <root_account> row: see the canned CSV test
    const alice = await db.one(
      `SELECT arn, is_root, password_enabled, password_last_used, mfa_active, access_key_1_active, access_key_2_active, access_key_1_last_used_date,
              access_key_1_last_used_region, user_creation_time IS NOT NULL AS created, generated_time, raw->>'user' AS raw_user
       FROM aws_iam_credential_report WHERE "user" = 'alice'`,
    );
    expect(alice).toEqual({
      arn: `arn:aws:iam::${account}:user/alice`,
      is_root: false,
      password_enabled: true,
      password_last_used: null, // moto: no_information
      mfa_active: true,
      access_key_1_active: true,
      access_key_2_active: false,
      access_key_1_last_used_date: null, // N/A
      access_key_1_last_used_region: null, // not_supported
      created: true,
      generated_time: '2015-02-02T20:02:02.000Z',
      raw_user: 'alice',
    });
    const bob = await db.one("SELECT password_enabled, access_key_1_active FROM aws_iam_credential_report WHERE \"user\" = 'bob'");
    expect(bob).toEqual({ password_enabled: false, access_key_1_active: true });
  });

  it('keeps one account summary row with the root flags and counts', async () => {
    const rows = await db.all("SELECT account_id, account_mfa_enabled, account_access_keys_present, users, groups, roles, (raw->>'Users')::INT AS raw_users FROM aws_iam_account_summaries");
    expect(rows).toEqual([{ account_id: account, account_mfa_enabled: false, account_access_keys_present: false, users: bulkUsers + 2, groups: 1, roles: 1, raw_users: bulkUsers + 2 }]);
  });

  it('stores the configured password policy', async () => {
    const rows = await db.all('SELECT configured, minimum_password_length, password_reuse_prevention, require_symbols, require_uppercase_characters FROM aws_iam_password_policies');
    expect(rows).toEqual([{ configured: true, minimum_password_length: 14, password_reuse_prevention: 24, require_symbols: true, require_uppercase_characters: false }]);
  });

  it('follows ListVirtualMFADevices pages and never stores the MFA seed', async () => {
    const n = await db.one<{ n: number; assigned: number }>('SELECT count(*) AS n, count(user_arn) AS assigned FROM aws_iam_virtual_mfa_devices');
    expect(n).toEqual({ n: spareMfaDevices + 1, assigned: 1 });
    const alice = await db.one("SELECT user_name, is_root, enable_date IS NOT NULL AS enabled, raw->'Base32StringSeed' AS seed, raw->'QRCodePNG' AS qr FROM aws_iam_virtual_mfa_devices WHERE user_arn IS NOT NULL");
    expect(alice).toEqual({ user_name: 'alice', is_root: false, enabled: true, seed: null, qr: null });
  });

  it('collects server certificates with their expiration and SAML providers', async () => {
    const certs = await db.all('SELECT server_certificate_name, arn, expiration FROM aws_iam_server_certificates');
    expect(certs).toEqual([{ server_certificate_name: 'legacy-tls', arn: `arn:aws:iam::${account}:server-certificate/legacy-tls`, expiration: '2012-05-08T01:02:03.004Z' }]);
    const saml = await db.all('SELECT name, arn, valid_until IS NOT NULL AS has_validity FROM aws_iam_saml_providers');
    expect(saml).toEqual([{ name: 'okta', arn: `arn:aws:iam::${account}:saml-provider/okta`, has_validity: true }]);
  });

  it('records who holds AWSSupportAccess and AWSCloudShellFullAccess', async () => {
    const rows = await db.all('SELECT policy_name, entity_type, entity_name, entity_id IS NOT NULL AS has_id FROM aws_iam_policy_entities ORDER BY policy_name');
    expect(rows).toEqual([
      { policy_name: 'AWSCloudShellFullAccess', entity_type: 'user', entity_name: 'bob', has_id: true },
      { policy_name: 'AWSSupportAccess', entity_type: 'role', entity_name: 'support', has_id: true },
    ]);
  });

  it('derives the service-wildcard and KMS decrypt facts of managed and inline policies at sync time', async () => {
    const rows = await db.all(
      `SELECT policy_name, service_wildcard_statements, kms_decrypt_all_keys_statements
       FROM aws_iam_policies WHERE policy_name IN ('local-admin', 'unattached') ORDER BY policy_name`,
    );
    expect(rows).toEqual([
      { policy_name: 'local-admin', service_wildcard_statements: ['#1'], kms_decrypt_all_keys_statements: ['#1'] },
      { policy_name: 'unattached', service_wildcard_statements: [], kms_decrypt_all_keys_statements: [] },
    ]);
    expect(await db.one("SELECT kms_decrypt_inline_policies FROM aws_iam_users WHERE user_name = 'alice'")).toEqual({ kms_decrypt_inline_policies: ['alice-inline'] });
    expect(await db.one("SELECT kms_decrypt_inline_policies FROM aws_iam_roles WHERE role_name = 'support'")).toEqual({ kms_decrypt_inline_policies: [] });
    const failing = async (id: string) => (await checkFindings(db, id)).map((r) => String(r.resource_id)).sort();
    expect(await failing('iam_customer_policy_no_service_wildcard')).toEqual([`arn:aws:iam::${account}:policy/local-admin`]);
    expect(await failing('iam_customer_policy_no_kms_decrypt_all_keys')).toEqual([`arn:aws:iam::${account}:policy/local-admin`]);
    expect(await failing('iam_inline_policy_no_kms_decrypt_all_keys')).toEqual([`arn:aws:iam::${account}:user/alice`]);
  });

  it('gives the IAM checks what they need: each one runs on the synced rows and finds what was seeded', async () => {
    const failing = async (id: string) => (await checkFindings(db, id)).map((r) => String(r.resource_id)).sort();
    expect(await failing('iam_policy_no_full_admin')).toEqual([`arn:aws:iam::${account}:policy/local-admin`, `arn:aws:iam::${account}:user/alice`]);
    expect(await failing('iam_user_no_direct_policies')).toEqual([`arn:aws:iam::${account}:user/alice`, `arn:aws:iam::${account}:user/bob`]);
    const aliceActiveKey = await db.one<{ id: string }>("SELECT access_key_id AS id FROM aws_iam_access_keys WHERE user_name = 'alice' AND status = 'Active'");
    expect(await failing('iam_user_no_initial_access_key')).toEqual([aliceActiveKey!.id]);
    expect(await failing('iam_no_expired_server_certificates')).toEqual([`arn:aws:iam::${account}:server-certificate/legacy-tls`]);
    // moto's summary always says root has no MFA, and its report has no root row (see moto-notes.md).
    expect(await failing('iam_root_mfa_enabled')).toEqual([`arn:aws:iam::${account}:root`]);
    expect(await failing('iam_root_not_used_recently')).toEqual([`arn:aws:iam::${account}:root`]);
    for (const id of [
      'iam_root_no_access_keys',
      'iam_password_policy_min_length_14',
      'iam_password_policy_prevents_reuse',
      'iam_user_console_mfa_enabled',
      'iam_user_unused_credentials_disabled',
      'iam_user_single_active_access_key',
      'iam_access_key_rotated_90_days',
      'iam_support_role_exists',
    ]) {
      expect(await failing(id), id).toEqual([]);
    }
  });

  // Runs last: it removes the password policy the other cases read.
  it('stores configured = false, not an error, when the account has no password policy', async () => {
    await iam.send(new DeleteAccountPasswordPolicyCommand({}));
    const fresh = await memoryDb();
    try {
      const again = await sync(fresh);
      expect(again.errors).toEqual([]);
      const rows = await fresh.all('SELECT account_id, configured, minimum_password_length, password_reuse_prevention FROM aws_iam_password_policies');
      expect(rows).toEqual([{ account_id: account, configured: false, minimum_password_length: null, password_reuse_prevention: null }]);
    } finally {
      fresh.close();
    }
  }, 60_000);
});
