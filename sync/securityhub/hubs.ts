import { DescribeHubCommand, SecurityHubClient, type DescribeHubCommandOutput } from '@aws-sdk/client-securityhub';
import { awsSecurityhubHubs } from '../../schema/securityhub.js';
import { isAwsError } from '../errors.js';
import type { Collector } from '../types.js';

/**
 * One row per account and region, always. InvalidAccessException means the account is not subscribed to
 * Security Hub in the region: a fact (enabled = false), not a sync error. Any other failure throws, so the
 * runner records it and keeps the previous row.
 */
export const hubsCollector: Collector = {
  service: 'securityhub',
  name: 'hubs',
  scope: 'regional',
  tables: [awsSecurityhubHubs],
  async collect(ctx) {
    const fallbackArn = `arn:${ctx.partition}:securityhub:${ctx.region}:${ctx.accountId}:hub/default`;
    let hub: DescribeHubCommandOutput;
    try {
      hub = await ctx.client(SecurityHubClient).send(new DescribeHubCommand({}));
    } catch (error) {
      if (!isAwsError(error, 'InvalidAccessException')) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      return { [awsSecurityhubHubs.name]: [{ hub_arn: fallbackArn, enabled: false, raw: { enabled: false, reason } }] };
    }
    const { $metadata: _, ...raw } = hub;
    const row = {
      hub_arn: hub.HubArn ?? fallbackArn,
      enabled: true,
      subscribed_at: hub.SubscribedAt ? new Date(hub.SubscribedAt) : null,
      auto_enable_controls: hub.AutoEnableControls ?? null,
      control_finding_generator: hub.ControlFindingGenerator ?? null,
      raw,
    };
    return { [awsSecurityhubHubs.name]: [row] };
  },
};
