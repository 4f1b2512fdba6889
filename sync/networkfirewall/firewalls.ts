import {
  DescribeFirewallCommand, DescribeLoggingConfigurationCommand, NetworkFirewallClient, paginateListFirewalls, type FirewallMetadata,
} from '@aws-sdk/client-network-firewall';
import type { Row } from '../../schema/db.js';
import { awsNetworkfirewallFirewalls } from '../../schema/networkfirewall.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsNetworkfirewallFirewalls.name;

/** ListFirewalls answers names and ARNs; DescribeFirewall and DescribeLoggingConfiguration have no list form. */
export const firewallsCollector: Collector = {
  service: 'networkfirewall',
  name: 'firewalls',
  scope: 'regional',
  tables: [awsNetworkfirewallFirewalls],
  async collect(ctx) {
    const client = ctx.client(NetworkFirewallClient);
    const items: FirewallMetadata[] = [];
    for await (const page of paginateListFirewalls({ client }, { MaxResults: 100 })) items.push(...(page.Firewalls ?? []));
    const rows = await ctx.map(items, (f) => firewallRow(ctx, client, f));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function firewallRow(ctx: SyncContext, client: NetworkFirewallClient, f: FirewallMetadata): Promise<Row | null> {
  const base = { arn: f.FirewallArn!, name: f.FirewallName ?? null };
  try {
    const fw = (await client.send(new DescribeFirewallCommand({ FirewallArn: f.FirewallArn }))).Firewall;
    const logging = (await client.send(new DescribeLoggingConfigurationCommand({ FirewallArn: f.FirewallArn }))).LoggingConfiguration;
    const configs = logging?.LogDestinationConfigs ?? [];
    return {
      ...base,
      vpc_id: fw?.VpcId ?? null,
      policy_arn: fw?.FirewallPolicyArn ?? null,
      deletion_protection: fw?.DeleteProtection ?? null,
      subnet_change_protection: fw?.SubnetChangeProtection ?? null,
      policy_change_protection: fw?.FirewallPolicyChangeProtection ?? null,
      // No logging configuration is a fact: AWS answers an empty one.
      log_types: [...new Set(configs.map((c) => c.LogType!))].sort(),
      log_destination_types: [...new Set(configs.map((c) => c.LogDestinationType!))].sort(),
      raw: { ...fw, LoggingConfiguration: logging ?? null },
    };
  } catch (error) {
    // Deleted between ListFirewalls and these calls: no row.
    if (isAwsError(error, 'ResourceNotFoundException')) return null;
    ctx.itemError(error, { operation: 'DescribeFirewall/DescribeLoggingConfiguration', table, resourceId: f.FirewallArn });
    return { ...base, raw: f };
  }
}
