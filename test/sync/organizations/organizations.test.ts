import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  EnableAWSServiceAccessCommand,
  EnablePolicyTypeCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
  RegisterDelegatedAdministratorCommand,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

const management = '123456789012';
let moto: Moto;
let db: Database;
let errors: Array<{ operation: string; table: string | null }>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  moto = await startMoto();
  const org = new OrganizationsClient(motoClientConfig(moto));
  ids.org = (await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }))).Organization!.Id!;
  ids.root = (await org.send(new ListRootsCommand({}))).Roots![0]!.Id!;
  ids.prod = (await org.send(new CreateOrganizationalUnitCommand({ ParentId: ids.root, Name: 'Prod' }))).OrganizationalUnit!.Id!;
  ids.web = (await org.send(new CreateOrganizationalUnitCommand({ ParentId: ids.prod, Name: 'Web' }))).OrganizationalUnit!.Id!;
  ids.shop = (await org.send(new CreateAccountCommand({ AccountName: 'shop', Email: 'shop@example.com' }))).CreateAccountStatus!.AccountId!;
  ids.sec = (await org.send(new CreateAccountCommand({ AccountName: 'security', Email: 'sec@example.com' }))).CreateAccountStatus!.AccountId!;
  await org.send(new MoveAccountCommand({ AccountId: ids.shop, SourceParentId: ids.root, DestinationParentId: ids.web }));
  await org.send(new EnablePolicyTypeCommand({ RootId: ids.root, PolicyType: 'SERVICE_CONTROL_POLICY' }));
  const deny = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] });
  ids.guard = (await org.send(new CreatePolicyCommand({ Name: 'no-leaving', Description: 'guardrail', Type: 'SERVICE_CONTROL_POLICY', Content: deny }))).Policy!.PolicySummary!.Id!;
  await org.send(new AttachPolicyCommand({ PolicyId: ids.guard, TargetId: ids.prod }));
  await org.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'guardduty.amazonaws.com' }));
  await org.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'securityhub.amazonaws.com' }));
  await org.send(new RegisterDelegatedAdministratorCommand({ AccountId: ids.sec, ServicePrincipal: 'guardduty.amazonaws.com' }));

  db = await memoryDb();
  const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['organizations'], regions: ['us-east-1'] });
  errors = result.errors;
}, 90_000);
afterAll(async () => {
  await moto?.stop();
});

describe('Organizations collectors against moto (run from the management account)', () => {
  it('records only the two calls moto does not implement, each for its own table', () => {
    // moto 5.2.1: IAM ListOrganizationsFeatures and Organizations DescribeResourcePolicy answer HTTP 500/404;
    // their canned tests are in organizations-canned.test.ts.
    expect(errors.map((e) => e.table).sort()).toEqual(['aws_iam_organizations_features', 'aws_organizations_resource_policies']);
  });

  it('reads the organization with its root, SCPs enabled on the root and its trusted services', async () => {
    expect(await db.all(`SELECT region, id, master_account_id, feature_set, root_id, scp_enabled, enabled_policy_types, trusted_services FROM aws_organizations_organizations`)).toEqual([
      { region: 'global', id: ids.org, master_account_id: management, feature_set: 'ALL', root_id: ids.root, scp_enabled: true, enabled_policy_types: ['SERVICE_CONTROL_POLICY'], trusted_services: ['guardduty.amazonaws.com', 'securityhub.amazonaws.com'] },
    ]);
  });

  it('reads the OU tree and every account with its parent', async () => {
    expect(await db.all(`SELECT name, parent_id FROM aws_organizations_units ORDER BY name`)).toEqual([
      { name: 'Prod', parent_id: ids.root },
      { name: 'Web', parent_id: ids.prod },
    ]);
    expect(await db.all(`SELECT id, name, status, parent_id, arn FROM aws_organizations_accounts ORDER BY name`)).toEqual([
      { id: management, name: expect.any(String), status: 'ACTIVE', parent_id: ids.root, arn: `arn:aws:organizations::${management}:account/${ids.org}/${management}` },
      { id: ids.sec, name: 'security', status: 'ACTIVE', parent_id: ids.root, arn: `arn:aws:organizations::${management}:account/${ids.org}/${ids.sec}` },
      { id: ids.shop, name: 'shop', status: 'ACTIVE', parent_id: ids.web, arn: `arn:aws:organizations::${management}:account/${ids.org}/${ids.shop}` },
    ].sort((a, b) => String(a.name).localeCompare(String(b.name))));
  });

  it('reads each SCP with its targets: FullAWSAccess on the root and everything, the guardrail on Prod', async () => {
    const rows = await db.all(`SELECT id, name, aws_managed, list_sort(target_ids) AS targets FROM aws_organizations_policies ORDER BY name`);
    expect(rows).toEqual([
      { id: 'p-FullAWSAccess', name: 'FullAWSAccess', aws_managed: true, targets: expect.arrayContaining([ids.root]) },
      { id: ids.guard, name: 'no-leaving', aws_managed: false, targets: [ids.prod] },
    ]);
  });

  it('reads delegated administrators with the services they administer', async () => {
    expect(await db.all(`SELECT delegation_id, admin_account_id, admin_account_name, service_principal FROM aws_organizations_delegated_administrators`)).toEqual([
      { delegation_id: `${ids.sec}/guardduty.amazonaws.com`, admin_account_id: ids.sec, admin_account_name: 'security', service_principal: 'guardduty.amazonaws.com' },
    ]);
  });

  it('feeds the organization checks: the root-level account lacks a guardrail, Security Hub lacks a delegated administrator', async () => {
    const orgArn = `arn:aws:organizations::${management}:organization/${ids.org}`;
    expect((await checkFindings(db, 'organizations_scp_guardrails_attached')).map((r) => r.resource_id)).toEqual([`arn:aws:organizations::${management}:account/${ids.org}/${ids.sec}`]);
    expect((await checkFindings(db, 'organizations_delegated_admin_for_services')).map((r) => [r.resource_id, r.services_without_delegated_admin])).toEqual([[orgArn, ['securityhub.amazonaws.com']]]);
    expect(await checkFindings(db, 'organizations_management_account_no_workloads')).toEqual([]);
  });
});
