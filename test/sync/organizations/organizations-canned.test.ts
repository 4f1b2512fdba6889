import { ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import { DescribeOrganizationCommand, DescribeResourcePolicyCommand } from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import { collectors } from '../../../sync/organizations/index.js';
import { iamFeaturesCollector } from '../../../sync/organizations/iam-features.js';
import { resourcePolicyCollector } from '../../../sync/organizations/resource-policy.js';
import { awsError, cannedContext, type Handlers } from '../../support/canned.js';

// Canned: moto 5.2.1 implements neither IAM ListOrganizationsFeatures nor Organizations DescribeResourcePolicy,
// and cannot make the synced account a member of someone else's organization.
const org = (master: string) => () => ({ Organization: { Id: 'o-abc123', Arn: `arn:aws:organizations::${master}:organization/o-abc123`, MasterAccountId: master, FeatureSet: 'ALL' } });
const management = '111111111111';
const run = (collector: (typeof collectors)[number], handlers: Handlers) => {
  const canned = cannedContext({ [DescribeOrganizationCommand.name]: org(management), ...handlers }, { region: 'global' });
  return { canned, out: collector.collect(canned.ctx) };
};

describe('Organizations collectors outside a management account', () => {
  it('write empty tables for a standalone account, after one DescribeOrganization each', async () => {
    for (const c of collectors) {
      const { ctx, calls } = cannedContext({ [DescribeOrganizationCommand.name]: () => { throw awsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.'); } }, { region: 'global' });
      const out = await c.collect(ctx);
      expect(Object.values(out).every((rows) => rows.length === 0), c.name).toBe(true);
      expect(calls, c.name).toEqual(['DescribeOrganizationCommand']);
    }
  });

  it('write empty tables for a member account: organization-wide data is read from the management account', async () => {
    for (const c of collectors) {
      const { ctx, calls } = cannedContext({ [DescribeOrganizationCommand.name]: org('999999999999') }, { region: 'global' });
      const out = await c.collect(ctx);
      expect(Object.values(out).every((rows) => rows.length === 0), c.name).toBe(true);
      expect(calls, c.name).toEqual(['DescribeOrganizationCommand']);
    }
  });
});

describe('IAM centralized root access features', () => {
  it('stores the enabled features', async () => {
    const { out } = run(iamFeaturesCollector, { [ListOrganizationsFeaturesCommand.name]: () => ({ OrganizationId: 'o-abc123', EnabledFeatures: ['RootSessions', 'RootCredentialsManagement'] }) });
    expect((await out).aws_iam_organizations_features!.map(({ raw: _r, ...r }) => r)).toEqual([
      { organization_id: 'o-abc123', iam_trusted_access: true, enabled_features: ['RootCredentialsManagement', 'RootSessions'] },
    ]);
  });

  it('stores "IAM has no trusted access" as a fact with no features', async () => {
    const { out } = run(iamFeaturesCollector, { [ListOrganizationsFeaturesCommand.name]: () => { throw awsError('ServiceAccessNotEnabledException', 'The service access is not enabled for the organization.', 400); } });
    expect((await out).aws_iam_organizations_features!.map(({ raw: _r, ...r }) => r)).toEqual([{ organization_id: 'o-abc123', iam_trusted_access: false, enabled_features: [] }]);
  });

  it('keeps any other failure an error', async () => {
    const { out } = run(iamFeaturesCollector, { [ListOrganizationsFeaturesCommand.name]: () => { throw awsError('AccessDenied', 'not authorized to perform iam:ListOrganizationsFeatures', 403); } });
    await expect(out).rejects.toThrow(/not authorized/);
  });
});

describe('Organizations resource (delegation) policy', () => {
  it('stores the policy and the principals it lets manage Organizations policies', async () => {
    const content = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Policies', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: ['organizations:CreatePolicy', 'organizations:AttachPolicy', 'organizations:DescribePolicy'], Resource: '*' },
        { Sid: 'Read', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::333333333333:root' }, Action: 'organizations:ListAccounts', Resource: '*' },
      ],
    });
    const { out } = run(resourcePolicyCollector, { [DescribeResourcePolicyCommand.name]: () => ({ ResourcePolicy: { ResourcePolicySummary: { Id: 'rp-1' }, Content: content } }) });
    const [row] = (await out).aws_organizations_resource_policies!;
    expect(row).toMatchObject({ organization_arn: `arn:aws:organizations::${management}:organization/o-abc123`, configured: true, policy_delegates: ['arn:aws:iam::222222222222:root'] });
  });

  it('stores "no resource policy" as a fact row', async () => {
    const { out } = run(resourcePolicyCollector, { [DescribeResourcePolicyCommand.name]: () => { throw awsError('ResourcePolicyNotFoundException', 'You specified a resource policy that does not exist.'); } });
    expect((await out).aws_organizations_resource_policies).toEqual([{ organization_arn: `arn:aws:organizations::${management}:organization/o-abc123`, configured: false, policy_delegates: [], raw: {} }]);
  });
});
