import { DescribeFirewallPolicyCommand, NetworkFirewallClient, paginateListFirewallPolicies, type FirewallPolicyMetadata } from '@aws-sdk/client-network-firewall';
import type { Row } from '../../schema/db.js';
import { awsNetworkfirewallPolicies } from '../../schema/networkfirewall.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsNetworkfirewallPolicies.name;

/** ListFirewallPolicies answers names and ARNs; the default actions and rule groups are in DescribeFirewallPolicy. */
export const policiesCollector: Collector = {
  service: 'networkfirewall',
  name: 'policies',
  scope: 'regional',
  tables: [awsNetworkfirewallPolicies],
  async collect(ctx) {
    const client = ctx.client(NetworkFirewallClient);
    const items: FirewallPolicyMetadata[] = [];
    for await (const page of paginateListFirewallPolicies({ client }, { MaxResults: 100 })) items.push(...(page.FirewallPolicies ?? []));
    const rows = await ctx.map(items, (p) => policyRow(ctx, client, p));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function policyRow(ctx: SyncContext, client: NetworkFirewallClient, m: FirewallPolicyMetadata): Promise<Row | null> {
  const base = { arn: m.Arn!, name: m.Name ?? null };
  try {
    const out = await client.send(new DescribeFirewallPolicyCommand({ FirewallPolicyArn: m.Arn }));
    const p = out.FirewallPolicy;
    return {
      ...base,
      stateless_default_actions: p?.StatelessDefaultActions ?? null,
      stateless_fragment_default_actions: p?.StatelessFragmentDefaultActions ?? null,
      stateless_rule_group_arns: p ? (p.StatelessRuleGroupReferences ?? []).map((r) => r.ResourceArn!) : null,
      stateful_rule_group_arns: p ? (p.StatefulRuleGroupReferences ?? []).map((r) => r.ResourceArn!) : null,
      stateful_default_actions: p?.StatefulDefaultActions ?? null,
      raw: { FirewallPolicy: p ?? null, FirewallPolicyResponse: out.FirewallPolicyResponse ?? null },
    };
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) return null;
    ctx.itemError(error, { operation: 'DescribeFirewallPolicy', table, resourceId: m.Arn });
    return { ...base, raw: m };
  }
}
