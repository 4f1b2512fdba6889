import {
  GetWebACLCommand, ListLoggingConfigurationsCommand, ListWebACLsCommand, WAFV2Client, type LoggingConfiguration, type Scope, type WebACLSummary,
} from '@aws-sdk/client-wafv2';
import type { Row } from '../../schema/db.js';
import { awsWafv2WebAcls } from '../../schema/wafv2.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { rulesColumns } from './rules.js';
import { allPages, wafScopes } from './scopes.js';

const table = awsWafv2WebAcls.name;
const limit = 100;

/**
 * Per scope: ListWebACLs (summaries), GetWebACL per ACL (the rules: no list form), and ListLoggingConfigurations
 * once for the whole scope (not GetLoggingConfiguration per ACL). An ACL with no logging configuration is a fact.
 */
export const webAclsCollector: Collector = {
  service: 'wafv2',
  name: 'web-acls',
  scope: 'regional',
  tables: [awsWafv2WebAcls],
  async collect(ctx) {
    const client = ctx.client(WAFV2Client);
    const rows: Row[] = [];
    for (const scope of wafScopes(ctx)) {
      const acls = await allPages((NextMarker) => client.send(new ListWebACLsCommand({ Scope: scope, Limit: limit, NextMarker })), (p) => p.WebACLs);
      const logging = await allPages(
        (NextMarker) => client.send(new ListLoggingConfigurationsCommand({ Scope: scope, Limit: limit, NextMarker })),
        (p) => p.LoggingConfigurations,
      );
      const logs = new Map<string, LoggingConfiguration>(logging.map((l) => [l.ResourceArn!, l]));
      const described = await ctx.map(acls, (a) => aclRow(ctx, client, scope, a, logs.get(a.ARN!)));
      rows.push(...described.filter((r): r is Row => r !== null));
    }
    return { [table]: rows };
  },
};

async function aclRow(ctx: SyncContext, client: WAFV2Client, scope: Scope, a: WebACLSummary, log: LoggingConfiguration | undefined): Promise<Row | null> {
  const base = { arn: a.ARN!, id: a.Id ?? null, name: a.Name ?? null, scope, logging_enabled: log !== undefined, log_destinations: log?.LogDestinationConfigs ?? [] };
  try {
    const acl = (await client.send(new GetWebACLCommand({ Scope: scope, Name: a.Name!, Id: a.Id! }))).WebACL;
    return {
      ...base,
      default_action: acl?.DefaultAction?.Block ? 'BLOCK' : acl?.DefaultAction?.Allow ? 'ALLOW' : null,
      ...rulesColumns(acl?.Rules, acl?.VisibilityConfig),
      rule_names: (acl?.Rules ?? []).map((r) => r.Name ?? '(unnamed)'),
      capacity: acl?.Capacity ?? null,
      raw: { ...acl, LoggingConfiguration: log ?? null },
    };
  } catch (error) {
    // Deleted between ListWebACLs and this call: it no longer exists.
    if (isAwsError(error, 'WAFNonexistentItemException')) return null;
    ctx.itemError(error, { operation: 'GetWebACL', table, resourceId: a.ARN });
    return { ...base, raw: a };
  }
}
