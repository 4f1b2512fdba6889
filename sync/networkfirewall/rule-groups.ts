import { DescribeRuleGroupCommand, NetworkFirewallClient, paginateListRuleGroups, type RuleGroupMetadata } from '@aws-sdk/client-network-firewall';
import type { Row } from '../../schema/db.js';
import { awsNetworkfirewallRuleGroups } from '../../schema/networkfirewall.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsNetworkfirewallRuleGroups.name;

/** ListRuleGroups (the account's own, Scope ACCOUNT) answers names and ARNs; the rules are in DescribeRuleGroup. */
export const ruleGroupsCollector: Collector = {
  service: 'networkfirewall',
  name: 'rule-groups',
  scope: 'regional',
  tables: [awsNetworkfirewallRuleGroups],
  async collect(ctx) {
    const client = ctx.client(NetworkFirewallClient);
    const items: RuleGroupMetadata[] = [];
    for await (const page of paginateListRuleGroups({ client }, { MaxResults: 100, Scope: 'ACCOUNT' })) items.push(...(page.RuleGroups ?? []));
    const rows = await ctx.map(items, (g) => groupRow(ctx, client, g));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function groupRow(ctx: SyncContext, client: NetworkFirewallClient, m: RuleGroupMetadata): Promise<Row | null> {
  const base = { arn: m.Arn!, name: m.Name ?? null };
  try {
    const out = await client.send(new DescribeRuleGroupCommand({ RuleGroupArn: m.Arn }));
    const res = out.RuleGroupResponse;
    const type = res?.Type ?? null;
    const stateless = out.RuleGroup?.RulesSource?.StatelessRulesAndCustomActions;
    return {
      ...base,
      type,
      // A STATELESS group whose rules source was not returned has an unknown count (NULL), not zero.
      rule_count: type === 'STATELESS' && out.RuleGroup?.RulesSource ? (stateless?.StatelessRules ?? []).length : null,
      capacity: res?.Capacity ?? null,
      association_count: res?.NumberOfAssociations ?? null,
      raw: { RuleGroup: out.RuleGroup ?? null, RuleGroupResponse: res ?? null },
    };
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) return null;
    ctx.itemError(error, { operation: 'DescribeRuleGroup', table, resourceId: m.Arn });
    return { ...base, raw: m };
  }
}
