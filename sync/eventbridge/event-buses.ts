import { EventBridgeClient, ListEventBusesCommand, type EventBus } from '@aws-sdk/client-eventbridge';
import { awsEventbridgeEventBuses } from '../../schema/eventbridge.js';
import { resourcePolicyRow } from '../resource-policy.js';
import type { Collector } from '../types.js';

const table = awsEventbridgeEventBuses.name;

/**
 * ListEventBuses answers each bus with its resource-based policy (no per-bus DescribeEventBus), continued by
 * NextToken by hand: the SDK has no paginator for it. A bus without a policy is a fact (has_policy false).
 */
export const eventBusesCollector: Collector = {
  service: 'eventbridge',
  name: 'event-buses',
  scope: 'regional',
  tables: [awsEventbridgeEventBuses],
  async collect(ctx) {
    const client = ctx.client(EventBridgeClient);
    const buses: EventBus[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListEventBusesCommand({ Limit: 100, ...(token ? { NextToken: token } : {}) }));
      if (page.EventBuses === undefined) throw new Error('[sync] eventbridge ListEventBuses answered without EventBuses; the answer is incomplete');
      buses.push(...page.EventBuses);
      token = page.NextToken;
    } while (token);
    return {
      [table]: buses.map((b) => {
        const arn = b.Arn ?? `arn:${ctx.partition}:events:${ctx.region}:${ctx.accountId}:event-bus/${b.Name}`;
        return {
          arn,
          name: b.Name ?? null,
          description: b.Description ?? null,
          created_at: b.CreationTime ?? null,
          ...resourcePolicyRow(b.Policy ?? null, ctx, { operation: 'ListEventBuses', table, resourceId: arn }),
          raw: b,
        };
      }),
    };
  },
};
