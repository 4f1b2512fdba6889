import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';
import { accountArn, member, mgmt, orgArn, orgId, rootId, seedAccounts, seedOrganization } from './fixtures.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const reasons = async (id: string) => (await checkFindings(db, id)).map((r) => [r.resource_id, r.account_id, r.reason]);
const notSynced = (what: string) => [orgArn, mgmt, `The management account ${mgmt} of ${orgId} was not synced: ${what}`];

describe('organizations_root_credentials_management_enabled', () => {
  const id = 'organizations_root_credentials_management_enabled';
  const features = (iam_trusted_access: boolean, enabled_features: string[]) => seed(db, 'aws_iam_organizations_features', [{ account_id: mgmt, organization_id: orgId, iam_trusted_access, enabled_features }]);

  it('fails when IAM has no trusted access, when a feature is missing, and when the management account was not synced', async () => {
    await seedAccounts(db);
    await seedOrganization(db, { trusted_services: [] });
    await features(false, []);
    expect(await reasons(id)).toEqual([[orgArn, mgmt, 'IAM has no trusted access in the organization, so member accounts keep their own root credentials']]);

    db = await memoryDb();
    await seedAccounts(db);
    await seedOrganization(db, { trusted_services: ['iam.amazonaws.com'] });
    await features(true, ['RootCredentialsManagement']);
    expect(await reasons(id)).toEqual([[orgArn, mgmt, 'Centralized root access is incomplete: RootSessions not enabled']]);

    db = await memoryDb();
    await seedAccounts(db, { withManagement: false });
    expect(await reasons(id)).toEqual([notSynced('centralized root access can only be read there')]);
  });

  it('passes with IAM trusted access and both features; standalone accounts are not judged', async () => {
    await seedAccounts(db);
    await seedOrganization(db, { trusted_services: ['iam.amazonaws.com'] });
    await features(true, ['RootCredentialsManagement', 'RootSessions']);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('organizations_scp_guardrails_attached', () => {
  const id = 'organizations_scp_guardrails_attached';
  const tree = async () => {
    await seed(db, 'aws_organizations_units', [
      { account_id: mgmt, arn: 'arn:ou/prod', id: 'ou-prod', name: 'Prod', parent_id: rootId },
      { account_id: mgmt, arn: 'arn:ou/web', id: 'ou-web', name: 'Web', parent_id: 'ou-prod' },
    ]);
    await seed(db, 'aws_organizations_accounts', [
      { account_id: mgmt, arn: accountArn(mgmt), id: mgmt, name: 'management', status: 'ACTIVE', parent_id: rootId },
      { account_id: mgmt, arn: accountArn(member), id: member, name: 'shop', status: 'ACTIVE', parent_id: 'ou-web' },
      { account_id: mgmt, arn: accountArn('444444444444'), id: '444444444444', name: 'sandbox', status: 'ACTIVE', parent_id: rootId },
      { account_id: mgmt, arn: accountArn('555555555555'), id: '555555555555', name: 'closed', status: 'SUSPENDED', parent_id: rootId },
    ]);
  };
  const policy = (name: string, aws_managed: boolean, target_ids: string[]) => ({ account_id: mgmt, arn: `arn:policy/${name}`, id: `p-${name}`, name, aws_managed, target_ids });

  it('fails an active member with only FullAWSAccess on its path; a guardrail on an OU above covers the nested account', async () => {
    await seedAccounts(db);
    await seedOrganization(db);
    await tree();
    await seed(db, 'aws_organizations_policies', [policy('FullAWSAccess', true, [rootId, 'ou-prod', 'ou-web', member, '444444444444']), policy('no-leaving', false, ['ou-prod'])]);
    expect(await reasons(id)).toEqual([
      [accountArn('444444444444'), '444444444444', 'Account 444444444444 (sandbox) has no service control policy other than FullAWSAccess on itself, its OUs or the root'],
    ]);
  });

  it('fails an organization whose root has SCPs disabled, and one whose management account was not synced', async () => {
    await seedAccounts(db);
    await seedOrganization(db, { scp_enabled: false, enabled_policy_types: [] });
    expect(await reasons(id)).toEqual([[orgArn, mgmt, `Service control policies are not enabled on the root of ${orgId}: no account has authorization guardrails`]]);
    db = await memoryDb();
    await seedAccounts(db, { withManagement: false });
    expect(await reasons(id)).toEqual([notSynced('its policies can only be read there')]);
  });

  it('passes when a guardrail on the root covers every member', async () => {
    await seedAccounts(db);
    await seedOrganization(db);
    await tree();
    await seed(db, 'aws_organizations_policies', [policy('FullAWSAccess', true, [rootId]), policy('baseline', false, [rootId])]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('organizations_management_account_no_workloads', () => {
  const id = 'organizations_management_account_no_workloads';
  it('fails a management account with instances and functions, listing them; members may run workloads', async () => {
    await seedAccounts(db);
    await seed(db, 'aws_ec2_instances', [
      { account_id: mgmt, arn: 'arn:aws:ec2:us-east-1:111111111111:instance/i-1', instance_id: 'i-1', state: 'running' },
      { account_id: mgmt, arn: 'arn:aws:ec2:us-east-1:111111111111:instance/i-2', instance_id: 'i-2', state: 'terminated' },
      { account_id: member, arn: 'arn:aws:ec2:us-east-1:222222222222:instance/i-3', instance_id: 'i-3', state: 'running' },
    ]);
    await seed(db, 'aws_lambda_functions', [{ account_id: mgmt, arn: 'arn:aws:lambda:us-east-1:111111111111:function:etl', function_name: 'etl' }]);
    expect(await checkFindings(db, id)).toEqual([
      {
        resource_id: `arn:aws:iam::${mgmt}:root`,
        account_id: mgmt,
        region: 'global',
        reason: 'The organization management account runs workloads: 1 EC2 instance(s), 1 Lambda function(s)',
        workload_arns: ['arn:aws:ec2:us-east-1:111111111111:instance/i-1', 'arn:aws:lambda:us-east-1:111111111111:function:etl'],
      },
    ]);
  });

  it('passes a management account with nothing but terminated instances', async () => {
    await seedAccounts(db);
    await seed(db, 'aws_ec2_instances', [{ account_id: mgmt, arn: 'arn:i-2', instance_id: 'i-2', state: 'terminated' }]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('organizations_delegated_admin_for_policies', () => {
  const id = 'organizations_delegated_admin_for_policies';
  const resourcePolicy = (configured: boolean, policy_delegates: string[]) => seed(db, 'aws_organizations_resource_policies', [{ account_id: mgmt, organization_arn: orgArn, configured, policy_delegates }]);

  it('fails without a delegation policy, with one that delegates no policy management, and when not synced', async () => {
    await seedAccounts(db);
    await seedOrganization(db);
    await resourcePolicy(false, []);
    expect(await reasons(id)).toEqual([[orgArn, mgmt, 'The organization has no resource-based delegation policy: Organizations policies are managed from the management account']]);
    db = await memoryDb();
    await seedAccounts(db);
    await seedOrganization(db);
    await resourcePolicy(true, []);
    expect(await reasons(id)).toEqual([[orgArn, mgmt, 'The delegation policy does not let any account manage Organizations policies']]);
    db = await memoryDb();
    await seedAccounts(db, { withManagement: false });
    expect(await reasons(id)).toEqual([notSynced('the delegation policy can only be read there')]);
  });

  it('passes when the delegation policy lets an account manage policies', async () => {
    await seedAccounts(db);
    await seedOrganization(db);
    await resourcePolicy(true, ['arn:aws:iam::222222222222:root']);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('organizations_delegated_admin_for_services', () => {
  const id = 'organizations_delegated_admin_for_services';
  const admin = (service_principal: string, admin_account_status = 'ACTIVE') => ({ account_id: mgmt, delegation_id: `${member}/${service_principal}`, admin_account_id: member, admin_account_status, service_principal });

  it('fails naming integrated security services without an active delegated administrator', async () => {
    await seedAccounts(db);
    await seedOrganization(db, { trusted_services: ['guardduty.amazonaws.com', 'macie.amazonaws.com', 'securityhub.amazonaws.com', 'sso.amazonaws.com'] });
    await seed(db, 'aws_organizations_delegated_administrators', [admin('guardduty.amazonaws.com'), admin('macie.amazonaws.com', 'SUSPENDED')]);
    const rows = await checkFindings(db, id);
    expect(rows.map((r) => [r.resource_id, r.reason, r.services_without_delegated_admin])).toEqual([
      [orgArn, 'Integrated security services without a delegated administrator (run from the management account): macie.amazonaws.com, securityhub.amazonaws.com', ['macie.amazonaws.com', 'securityhub.amazonaws.com']],
    ]);
  });

  it('fails an organization whose management account was not synced', async () => {
    await seedAccounts(db, { withManagement: false });
    expect(await reasons(id)).toEqual([notSynced('delegated administrators can only be read there')]);
  });

  it('passes when every integrated security service has a delegated administrator (other services are not judged)', async () => {
    await seedAccounts(db);
    await seedOrganization(db, { trusted_services: ['guardduty.amazonaws.com', 'sso.amazonaws.com'] });
    await seed(db, 'aws_organizations_delegated_administrators', [admin('guardduty.amazonaws.com')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
