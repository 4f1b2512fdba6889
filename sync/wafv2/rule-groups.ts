import { GetRuleGroupCommand, ListRuleGroupsCommand, WAFV2Client, type RuleGroupSummary, type Scope } from '@aws-sdk/client-wafv2';
import type { Row } from '../../schema/db.js';
import { awsWafv2RuleGroups } from '../../schema/wafv2.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { rulesColumns } from './rules.js';
import { allPages, wafScopes } from './scopes.js';

const table = awsWafv2RuleGroups.name;

/** Per scope: ListRuleGroups (summaries), GetRuleGroup per group (rules and metrics settings: no list form). */
export const ruleGroupsCollector: Collector = {
  service: 'wafv2',
  name: 'rule-groups',
  scope: 'regional',
  tables: [awsWafv2RuleGroups],
  async collect(ctx) {
    const client = ctx.client(WAFV2Client);
    const rows: Row[] = [];
    for (const scope of wafScopes(ctx)) {
      const groups = await allPages((NextMarker) => client.send(new ListRuleGroupsCommand({ Scope: scope, Limit: 100, NextMarker })), (p) => p.RuleGroups);
      const described = await ctx.map(groups, (g) => groupRow(ctx, client, scope, g));
      rows.push(...described.filter((r): r is Row => r !== null));
    }
    return { [table]: rows };
  },
};

async function groupRow(ctx: SyncContext, client: WAFV2Client, scope: Scope, g: RuleGroupSummary): Promise<Row | null> {
  const base = { arn: g.ARN!, id: g.Id ?? null, name: g.Name ?? null, scope };
  try {
    const group = (await client.send(new GetRuleGroupCommand({ Scope: scope, Name: g.Name!, Id: g.Id! }))).RuleGroup;
    return { ...base, ...rulesColumns(group?.Rules, group?.VisibilityConfig), capacity: group?.Capacity ?? null, raw: group ?? g };
  } catch (error) {
    if (isAwsError(error, 'WAFNonexistentItemException')) return null;
    ctx.itemError(error, { operation: 'GetRuleGroup', table, resourceId: g.ARN });
    return { ...base, raw: g };
  }
}
