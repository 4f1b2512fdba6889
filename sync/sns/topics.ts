import { GetTopicAttributesCommand, paginateListSubscriptions, paginateListTopics, SNSClient, type Subscription } from '@aws-sdk/client-sns';
import type { Row } from '../../schema/db.js';
import { awsSnsSubscriptions, awsSnsTopics } from '../../schema/sns.js';
import { resourcePolicyRow } from '../resource-policy.js';
import type { Collector, SyncContext } from '../types.js';

export const topicsCollector: Collector = {
  service: 'sns',
  name: 'topics',
  scope: 'regional',
  tables: [awsSnsTopics],
  async collect(ctx) {
    const client = ctx.client(SNSClient);
    const arns: string[] = [];
    for await (const page of paginateListTopics({ client }, {})) for (const t of page.Topics ?? []) if (t.TopicArn) arns.push(t.TopicArn);
    const rows = await ctx.map(arns, (arn) => topicRow(ctx, client, arn));
    return { [awsSnsTopics.name]: rows };
  },
};

async function topicRow(ctx: SyncContext, client: SNSClient, arn: string): Promise<Row> {
  const name = arn.split(':').pop() ?? null;
  let attrs: Record<string, string>;
  try {
    attrs = (await client.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes ?? {};
  } catch (error) {
    ctx.itemError(error, { operation: 'GetTopicAttributes', table: awsSnsTopics.name, resourceId: arn });
    return { arn, name, raw: { TopicArn: arn } };
  }
  return {
    arn,
    name,
    display_name: attrs.DisplayName || null,
    kms_master_key_id: attrs.KmsMasterKeyId || null,
    subscriptions_confirmed: intOrNull(attrs.SubscriptionsConfirmed),
    subscriptions_pending: intOrNull(attrs.SubscriptionsPending),
    // The access policy with its normalised form and public verdict (AWS always sets one; absent = none).
    ...resourcePolicyRow(attrs.Policy || null, ctx, { operation: 'GetTopicAttributes', table: awsSnsTopics.name, resourceId: arn }),
    fifo_topic: attrs.FifoTopic === 'true',
    // Delivery status logging is configured per protocol by these role attributes (GetTopicAttributes returns them).
    delivery_status_roles: Object.fromEntries(Object.entries(attrs).filter(([k, v]) => k.endsWith('FeedbackRoleArn') && v)),
    raw: attrs,
  };
}

/** ListSubscriptions covers every topic of the region in one listing; unconfirmed ones have no real ARN. */
export const subscriptionsCollector: Collector = {
  service: 'sns',
  name: 'subscriptions',
  scope: 'regional',
  tables: [awsSnsSubscriptions],
  async collect(ctx) {
    const client = ctx.client(SNSClient);
    const subs: Subscription[] = [];
    for await (const page of paginateListSubscriptions({ client }, {})) subs.push(...(page.Subscriptions ?? []));
    const rows = subs.map((s) => ({
      subscription_arn: s.SubscriptionArn ?? null,
      topic_arn: s.TopicArn ?? null,
      protocol: s.Protocol ?? null,
      endpoint: s.Endpoint ?? null,
      owner: s.Owner ?? null,
      confirmed: isConfirmed(s.SubscriptionArn),
      raw: s,
    }));
    return { [awsSnsSubscriptions.name]: rows };
  },
};

/** 'PendingConfirmation' (and 'Deleted') stand in for the ARN until a subscription is confirmed. */
export function isConfirmed(subscriptionArn: string | undefined): boolean {
  return subscriptionArn !== undefined && subscriptionArn.startsWith('arn:');
}

function intOrNull(v: string | undefined): number | null {
  if (v === undefined || v === '') return null;
  const n = Number.parseInt(v, 10);
  return Number.isNaN(n) ? null : n;
}
