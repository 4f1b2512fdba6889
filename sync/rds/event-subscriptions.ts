import { paginateDescribeEventSubscriptions, RDSClient } from '@aws-sdk/client-rds';
import { awsRdsEventSubscriptions } from '../../schema/rds-events.js';
import { allItems } from '../ec2/shared.js';
import type { Collector } from '../types.js';

const table = awsRdsEventSubscriptions.name;

/**
 * DescribeEventSubscriptions pages the region's RDS event subscriptions with everything FSBP RDS.19–22 judge
 * (source type, categories, enabled, status): one list call, nothing per subscription.
 */
export const eventSubscriptionsCollector: Collector = {
  service: 'rds',
  name: 'event-subscriptions',
  scope: 'regional',
  tables: [awsRdsEventSubscriptions],
  async collect(ctx) {
    const client = ctx.client(RDSClient);
    const items = await allItems(paginateDescribeEventSubscriptions({ client }, { MaxRecords: 100 }), (p) => p.EventSubscriptionsList);
    return {
      [table]: items.map((s) => ({
        arn: s.EventSubscriptionArn ?? `arn:${ctx.partition}:rds:${ctx.region}:${ctx.accountId}:es:${s.CustSubscriptionId ?? ''}`,
        name: s.CustSubscriptionId ?? null,
        source_type: s.SourceType ?? null,
        event_categories: s.EventCategoriesList ?? [],
        source_ids: s.SourceIdsList ?? [],
        enabled: s.Enabled ?? null,
        status: s.Status ?? null,
        sns_topic_arn: s.SnsTopicArn ?? null,
        subscription_creation_time: s.SubscriptionCreationTime ?? null,
        raw: s,
      })),
    };
  },
};
