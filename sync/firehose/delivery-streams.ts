import { DescribeDeliveryStreamCommand, FirehoseClient, ListDeliveryStreamsCommand, type DeliveryStreamDescription, type DestinationDescription } from '@aws-sdk/client-firehose';
import type { Row } from '../../schema/db.js';
import { awsFirehoseDeliveryStreams } from '../../schema/firehose.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsFirehoseDeliveryStreams.name;

/**
 * ListDeliveryStreams answers names only (at most 10 a call, continued from the last name while
 * HasMoreDeliveryStreams: the SDK has no paginator), so each stream costs one DescribeDeliveryStream: no batch form.
 */
export const deliveryStreamsCollector: Collector = {
  service: 'firehose',
  name: 'delivery-streams',
  scope: 'regional',
  tables: [awsFirehoseDeliveryStreams],
  async collect(ctx) {
    const client = ctx.client(FirehoseClient);
    const names: string[] = [];
    for (;;) {
      const page = await client.send(new ListDeliveryStreamsCommand({ Limit: 10, ...(names.length ? { ExclusiveStartDeliveryStreamName: names.at(-1) } : {}) }));
      if (page.DeliveryStreamNames === undefined) throw new Error('[sync] firehose ListDeliveryStreams answered without DeliveryStreamNames; the answer is incomplete');
      names.push(...page.DeliveryStreamNames);
      if (!page.HasMoreDeliveryStreams || page.DeliveryStreamNames.length === 0) break;
    }
    const rows = await ctx.map(names, (name) => streamRow(ctx, client, name));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function streamRow(ctx: SyncContext, client: FirehoseClient, name: string): Promise<Row | null> {
  const arn = `arn:${ctx.partition}:firehose:${ctx.region}:${ctx.accountId}:deliverystream/${name}`;
  try {
    const d = (await client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name }))).DeliveryStreamDescription;
    if (!d) throw new Error(`[sync] firehose DescribeDeliveryStream answered without DeliveryStreamDescription for ${name}`);
    return describedRow(d, arn);
  } catch (error) {
    // Deleted between the list and this call: no row.
    if (isAwsError(error, 'ResourceNotFoundException')) return null;
    ctx.itemError(error, { operation: 'DescribeDeliveryStream', table, resourceId: arn });
    return { arn, name, raw: { DeliveryStreamName: name } };
  }
}

function describedRow(d: DeliveryStreamDescription, arn: string): Row {
  const sse = d.DeliveryStreamEncryptionConfiguration;
  return {
    arn: d.DeliveryStreamARN ?? arn,
    name: d.DeliveryStreamName ?? null,
    status: d.DeliveryStreamStatus ?? null,
    stream_type: d.DeliveryStreamType ?? null,
    source_stream_arn: d.Source?.KinesisStreamSourceDescription?.KinesisStreamARN ?? null,
    encryption_status: sse?.Status ?? null,
    encryption_key_type: sse?.KeyType ?? null,
    encryption_key_arn: sse?.KeyARN ?? null,
    destination_types: (d.Destinations ?? []).flatMap(destinationTypes),
    created_at: d.CreateTimestamp ?? null,
    raw: d,
  };
}

const destinationKeys: Array<[keyof DestinationDescription, string]> = [
  ['ExtendedS3DestinationDescription', 'extended_s3'],
  ['S3DestinationDescription', 's3'],
  ['RedshiftDestinationDescription', 'redshift'],
  ['ElasticsearchDestinationDescription', 'elasticsearch'],
  ['AmazonopensearchserviceDestinationDescription', 'opensearch'],
  ['AmazonOpenSearchServerlessDestinationDescription', 'opensearch_serverless'],
  ['SplunkDestinationDescription', 'splunk'],
  ['HttpEndpointDestinationDescription', 'http_endpoint'],
  ['SnowflakeDestinationDescription', 'snowflake'],
  ['IcebergDestinationDescription', 'iceberg'],
];

/** AWS describes an extended S3 destination under both keys: the extended one names it. */
function destinationTypes(d: DestinationDescription): string[] {
  const kinds = destinationKeys.filter(([k]) => d[k] !== undefined).map(([, kind]) => kind);
  return kinds.includes('extended_s3') ? kinds.filter((k) => k !== 's3') : kinds;
}
