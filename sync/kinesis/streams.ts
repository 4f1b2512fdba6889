import { DescribeStreamSummaryCommand, KinesisClient, paginateListStreams, type StreamSummary } from '@aws-sdk/client-kinesis';
import type { Row } from '../../schema/db.js';
import { awsKinesisStreams } from '../../schema/kinesis.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsKinesisStreams.name;

/** ListStreams answers names, ARNs, status and mode; the encryption is only in DescribeStreamSummary (per stream). */
export const streamsCollector: Collector = {
  service: 'kinesis',
  name: 'streams',
  scope: 'regional',
  tables: [awsKinesisStreams],
  async collect(ctx) {
    const client = ctx.client(KinesisClient);
    const items: StreamSummary[] = [];
    for await (const page of paginateListStreams({ client }, { Limit: 100 })) items.push(...(page.StreamSummaries ?? []));
    const rows = await ctx.map(items, (s) => streamRow(ctx, client, s));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function streamRow(ctx: SyncContext, client: KinesisClient, s: StreamSummary): Promise<Row | null> {
  const base = { arn: s.StreamARN!, name: s.StreamName ?? null, status: s.StreamStatus ?? null, stream_mode: s.StreamModeDetails?.StreamMode ?? null };
  try {
    const d = (await client.send(new DescribeStreamSummaryCommand({ StreamARN: s.StreamARN }))).StreamDescriptionSummary;
    return {
      ...base,
      status: d?.StreamStatus ?? base.status,
      encryption_type: d?.EncryptionType ?? null,
      kms_key_id: d?.KeyId ?? null,
      retention_period_hours: d?.RetentionPeriodHours ?? null,
      raw: d ?? s,
    };
  } catch (error) {
    // Deleted between ListStreams and this call: no row.
    if (isAwsError(error, 'ResourceNotFoundException')) return null;
    ctx.itemError(error, { operation: 'DescribeStreamSummary', table, resourceId: s.StreamARN });
    return { ...base, raw: s };
  }
}
