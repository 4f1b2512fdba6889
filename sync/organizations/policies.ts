import { OrganizationsClient, paginateListPolicies, paginateListTargetsForPolicy } from '@aws-sdk/client-organizations';
import { awsOrganizationsPolicies } from '../../schema/organizations.js';
import { allItems } from '../ec2/shared.js';
import type { Collector } from '../types.js';
import { managementOrganization } from './management.js';

/** ListPolicies (service control policies), then ListTargetsForPolicy per policy: AWS has no list of attachments. */
export const policiesCollector: Collector = {
  service: 'organizations',
  name: 'policies',
  scope: 'global',
  tables: [awsOrganizationsPolicies],
  async collect(ctx) {
    if (!(await managementOrganization(ctx))) return { [awsOrganizationsPolicies.name]: [] };
    const client = ctx.client(OrganizationsClient);
    const policies = await allItems(paginateListPolicies({ client }, { Filter: 'SERVICE_CONTROL_POLICY' }), (p) => p.Policies);
    const rows = await ctx.map(policies, async (p) => {
      const targets = await allItems(paginateListTargetsForPolicy({ client }, { PolicyId: p.Id }), (page) => page.Targets);
      return {
        arn: p.Arn,
        id: p.Id,
        name: p.Name ?? null,
        type: p.Type ?? 'SERVICE_CONTROL_POLICY',
        aws_managed: p.AwsManaged ?? false,
        target_ids: targets.map((t) => t.TargetId).filter((t): t is string => !!t),
        raw: { ...p, Targets: targets },
      };
    });
    return { [awsOrganizationsPolicies.name]: rows };
  },
};
