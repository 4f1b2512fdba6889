import { DescribeContinuousBackupsCommand, DescribeTableCommand, DynamoDBClient, ListTagsOfResourceCommand, paginateListTables, type Tag } from '@aws-sdk/client-dynamodb';
import type { Row } from '../../schema/db.js';
import { awsDynamodbTables } from '../../schema/dynamodb.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsDynamodbTables.name;

/**
 * ListTables gives only names; DescribeTable (settings, encryption, deletion protection),
 * DescribeContinuousBackups (point-in-time recovery) and ListTagsOfResource (tags, which AWS Backup selections match)
 * have no list or batch form, so they are one call each per table. Tags are read here rather than through the Resource
 * Groups Tagging API's GetResources: that would add a service and an IAM action, and GetResources leaves out tables
 * without tags, so an untagged table and one whose tags were not read could not be told apart.
 */
export const tablesCollector: Collector = {
  service: 'dynamodb',
  name: 'tables',
  scope: 'regional',
  tables: [awsDynamodbTables],
  async collect(ctx) {
    const client = ctx.client(DynamoDBClient);
    const names: string[] = [];
    for await (const page of paginateListTables({ client }, {})) names.push(...(page.TableNames ?? []));
    const rows = await ctx.map(names, (name) => tableRow(ctx, client, name));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function tableRow(ctx: SyncContext, client: DynamoDBClient, name: string): Promise<Row | null> {
  const fallbackArn = `arn:${ctx.partition}:dynamodb:${ctx.region}:${ctx.accountId}:table/${name}`;
  let t;
  try {
    t = (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    // Deleted between ListTables and this call: it no longer exists, so it has no row.
    if (isAwsError(error, 'ResourceNotFoundException')) return null;
    ctx.itemError(error, { operation: 'DescribeTable', table, resourceId: fallbackArn });
    return { arn: fallbackArn, name, raw: { TableName: name } };
  }
  const arn = t?.TableArn ?? fallbackArn;
  let pitr: { PointInTimeRecoveryStatus?: string; RecoveryPeriodInDays?: number } | undefined;
  let backups: unknown = null;
  try {
    const d = (await client.send(new DescribeContinuousBackupsCommand({ TableName: name }))).ContinuousBackupsDescription;
    pitr = d?.PointInTimeRecoveryDescription;
    backups = d ?? null;
  } catch (error) {
    if (isAwsError(error, 'TableNotFoundException', 'ResourceNotFoundException')) return null;
    ctx.itemError(error, { operation: 'DescribeContinuousBackups', table, resourceId: arn });
  }
  const tags = await tableTags(ctx, client, arn);
  if (tags === 'gone') return null;
  return {
    arn,
    name,
    status: t?.TableStatus ?? null,
    billing_mode: t?.BillingModeSummary?.BillingMode ?? null,
    deletion_protection_enabled: t?.DeletionProtectionEnabled ?? false,
    sse_status: t?.SSEDescription?.Status ?? null,
    sse_type: t?.SSEDescription?.SSEType ?? null,
    kms_key_arn: t?.SSEDescription?.KMSMasterKeyArn ?? null,
    pitr_status: pitr?.PointInTimeRecoveryStatus ?? null,
    pitr_recovery_period_days: pitr?.RecoveryPeriodInDays ?? null,
    item_count: t?.ItemCount ?? null,
    size_bytes: t?.TableSizeBytes ?? null,
    created_at: t?.CreationDateTime ?? null,
    tags: tags && Object.fromEntries(tags.map((tag) => [tag.Key ?? '', tag.Value ?? ''])),
    global_secondary_indexes: t ? (t.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName ?? '') : null,
    raw: { Table: t ?? null, ContinuousBackupsDescription: backups, Tags: tags },
  };
}

/** Every tag of the table (ListTagsOfResource pages by NextToken; the SDK has no paginator); null when unread. */
async function tableTags(ctx: SyncContext, client: DynamoDBClient, arn: string): Promise<Tag[] | null | 'gone'> {
  const tags: Tag[] = [];
  let token: string | undefined;
  try {
    do {
      const out = await client.send(new ListTagsOfResourceCommand({ ResourceArn: arn, NextToken: token }));
      tags.push(...(out.Tags ?? []));
      token = out.NextToken;
    } while (token);
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) return 'gone';
    ctx.itemError(error, { operation: 'ListTagsOfResource', table, resourceId: arn });
    return null;
  }
  return tags;
}
