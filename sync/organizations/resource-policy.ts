import { DescribeResourcePolicyCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { awsOrganizationsResourcePolicies } from '../../schema/organizations.js';
import { isAwsError } from '../errors.js';
import { normalizePolicy, type NormalizedStatement } from '../policy/normalize.js';
import type { Collector } from '../types.js';
import { managementOrganization } from './management.js';

const table = awsOrganizationsResourcePolicies.name;

/**
 * DescribeResourcePolicy: the organization's delegation policy, through which the management account lets
 * member accounts manage Organizations policies. ResourcePolicyNotFoundException is "none", a fact row.
 */
export const resourcePolicyCollector: Collector = {
  service: 'organizations',
  name: 'resource-policy',
  scope: 'global',
  tables: [awsOrganizationsResourcePolicies],
  async collect(ctx) {
    const org = await managementOrganization(ctx);
    if (!org) return { [table]: [] };
    let content: string | undefined;
    try {
      const out = await ctx.client(OrganizationsClient).send(new DescribeResourcePolicyCommand({}));
      content = out.ResourcePolicy?.Content;
      if (!content) throw new Error(`[sync] organizations DescribeResourcePolicy answered without the policy content for ${org.Id}`);
    } catch (error) {
      if (!isAwsError(error, 'ResourcePolicyNotFoundException')) throw error;
      return { [table]: [{ organization_arn: org.Arn, configured: false, policy_delegates: [], raw: {} }] };
    }
    let document: unknown;
    try {
      document = JSON.parse(content);
    } catch (cause) {
      throw new Error(`[sync] organizations DescribeResourcePolicy for ${org.Id}: the policy is not valid JSON`, { cause });
    }
    const normalized = normalizePolicy(document);
    return { [table]: [{ organization_arn: org.Arn, configured: true, policy: document, policy_normalized: normalized, policy_delegates: policyDelegates(normalized.Statement), raw: { Content: document } }] };
  },
};

/**
 * Principals an Allow statement lets act on Organizations policies: an action that is '*', 'organizations:*'
 * or names policies (organizations:CreatePolicy, organizations:AttachPolicy, organizations:Describe*Polic*…);
 * action names are lower-case once normalised. Statements for '*' (everyone) are not a delegation.
 */
export function policyDelegates(statements: readonly NormalizedStatement[]): string[] {
  const out = new Set<string>();
  for (const s of statements) {
    if (s.Effect !== 'Allow' || !s.Action) continue;
    if (!s.Action.some((a) => a === '*' || a === 'organizations:*' || (a.startsWith('organizations:') && a.includes('polic')))) continue;
    for (const p of s.Principal?.AWS ?? []) if (p !== '*') out.add(p);
  }
  return [...out].sort();
}
