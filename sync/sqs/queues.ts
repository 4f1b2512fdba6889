import { GetQueueAttributesCommand, paginateListQueues, SQSClient } from '@aws-sdk/client-sqs';
import type { Row } from '../../schema/db.js';
import { awsSqsQueues } from '../../schema/sqs.js';
import { isAwsError } from '../errors.js';
import { resourcePolicyRow } from '../resource-policy.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsSqsQueues.name;

/** ListQueues gives only URLs; GetQueueAttributes (one per queue, AWS has no list form) gives the policy. */
export const queuesCollector: Collector = {
  service: 'sqs',
  name: 'queues',
  scope: 'regional',
  tables: [awsSqsQueues],
  async collect(ctx) {
    const client = ctx.client(SQSClient);
    const urls: string[] = [];
    for await (const page of paginateListQueues({ client }, { MaxResults: 1000 })) urls.push(...(page.QueueUrls ?? []));
    const rows = await ctx.map(urls, (url) => queueRow(ctx, client, url));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function queueRow(ctx: SyncContext, client: SQSClient, url: string): Promise<Row | null> {
  const name = url.split('/').pop() ?? url;
  const fallbackArn = `arn:${ctx.partition}:sqs:${ctx.region}:${ctx.accountId}:${name}`;
  let attrs: Record<string, string>;
  try {
    attrs = (await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes ?? {};
  } catch (error) {
    // Deleted between ListQueues and this call: it no longer exists, so it has no row.
    if (isAwsError(error, 'QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue')) return null;
    ctx.itemError(error, { operation: 'GetQueueAttributes', table, resourceId: fallbackArn });
    return { arn: fallbackArn, queue_url: url, name, ...resourcePolicyRow(undefined, ctx, { operation: 'GetQueueAttributes', table, resourceId: fallbackArn }), raw: { QueueUrl: url } };
  }
  const arn = attrs.QueueArn ?? fallbackArn;
  return {
    arn,
    queue_url: url,
    name,
    kms_master_key_id: attrs.KmsMasterKeyId || null,
    sqs_managed_sse_enabled: attrs.SqsManagedSseEnabled === undefined ? null : attrs.SqsManagedSseEnabled === 'true',
    fifo_queue: attrs.FifoQueue === 'true',
    // A queue without a policy has no Policy attribute at all.
    ...resourcePolicyRow(attrs.Policy ?? null, ctx, { operation: 'GetQueueAttributes', table, resourceId: arn }),
    raw: { QueueUrl: url, Attributes: attrs },
  };
}
