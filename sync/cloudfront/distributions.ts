import { CloudFrontClient, GetDistributionConfigCommand, paginateListDistributions, type DistributionConfig, type DistributionSummary } from '@aws-sdk/client-cloudfront';
import { CloudWatchLogsClient, paginateDescribeDeliveries, paginateDescribeDeliverySources } from '@aws-sdk/client-cloudwatch-logs';
import type { Row } from '../../schema/db.js';
import { awsCloudfrontCacheBehaviors, awsCloudfrontDistributions, awsCloudfrontOrigins } from '../../schema/cloudfront.js';
import { cacheBehaviorRows, originRows } from './config-rows.js';
import { bucketExists, headBucketClient } from './s3-origin-buckets.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsCloudfrontDistributions.name;

/**
 * ListDistributions pages the summaries, which lack the logging settings: GetDistributionConfig per
 * distribution reads legacy standard logging (to S3). Standard logging v2 lives in CloudWatch Logs (in the
 * partition's home region, us-east-1): a delivery source naming the distribution's ARN with log type
 * ACCESS_LOGS and at least one delivery from it. Two listings per account cover every distribution. S3 HeadBucket,
 * once per bucket an S3 origin names, tells whether that bucket still exists (in any account).
 */
export const distributionsCollector: Collector = {
  service: 'cloudfront',
  name: 'distributions',
  scope: 'global',
  tables: [awsCloudfrontDistributions, awsCloudfrontOrigins, awsCloudfrontCacheBehaviors],
  async collect(ctx) {
    const client = ctx.client(CloudFrontClient);
    const items: DistributionSummary[] = [];
    for await (const page of paginateListDistributions({ client }, {})) items.push(...(page.DistributionList?.Items ?? []));
    const empty = { [table]: [], [awsCloudfrontOrigins.name]: [], [awsCloudfrontCacheBehaviors.name]: [] };
    if (items.length === 0) return empty;
    const v2 = await v2Destinations(ctx);
    const read = (await ctx.map(items.filter((d) => d.Id), (d) => distributionRow(ctx, client, d, v2))).filter((r) => r !== null);
    // CloudFront.12: does each S3 origin's bucket exist? One HeadBucket per distinct bucket named.
    const origins = read.flatMap((r) => r.origins);
    const s3 = headBucketClient(ctx);
    const names = [...new Set(origins.map((o) => o.s3_bucket_name).filter((n): n is string => typeof n === 'string'))];
    const exists = new Map(await ctx.map(names, async (name) => [name, await bucketExists(ctx, s3, name, { table: awsCloudfrontOrigins.name, resourceId: `arn:${ctx.partition}:s3:::${name}` })] as const));
    for (const o of origins) if (typeof o.s3_bucket_name === 'string') o.s3_bucket_exists = exists.get(o.s3_bucket_name) ?? null;
    return {
      [table]: read.map((r) => r.row),
      [awsCloudfrontOrigins.name]: read.flatMap((r) => r.origins),
      [awsCloudfrontCacheBehaviors.name]: read.flatMap((r) => r.behaviors),
    };
  },
};

/** Distribution ARN → delivery destination ARNs; null when CloudWatch Logs could not be read. */
async function v2Destinations(ctx: SyncContext): Promise<Map<string, string[]> | null> {
  const logs = ctx.client(CloudWatchLogsClient);
  try {
    const sources = new Map<string, string[]>();
    for await (const page of paginateDescribeDeliverySources({ client: logs }, {})) {
      for (const s of page.deliverySources ?? []) if (s.name && s.logType === 'ACCESS_LOGS') sources.set(s.name, s.resourceArns ?? []);
    }
    const out = new Map<string, string[]>();
    for await (const page of paginateDescribeDeliveries({ client: logs }, {})) {
      for (const d of page.deliveries ?? []) {
        for (const arn of sources.get(d.deliverySourceName ?? '') ?? []) out.set(arn, [...(out.get(arn) ?? []), d.deliveryDestinationArn ?? d.id ?? 'unknown']);
      }
    }
    return out;
  } catch (error) {
    ctx.itemError(error, { operation: 'DescribeDeliverySources', table });
    return null;
  }
}

interface DistributionRows {
  row: Row;
  origins: Row[];
  behaviors: Row[];
}

async function distributionRow(ctx: SyncContext, client: CloudFrontClient, d: DistributionSummary, v2: Map<string, string[]> | null): Promise<DistributionRows | null> {
  const arn = d.ARN ?? `arn:${ctx.partition}:cloudfront::${ctx.accountId}:distribution/${d.Id}`;
  let logging: { Enabled?: boolean; Bucket?: string; Prefix?: string } | undefined;
  let config: DistributionConfig | null = null;
  try {
    const out = await client.send(new GetDistributionConfigCommand({ Id: d.Id }));
    config = out.DistributionConfig ?? null;
    // A success without Logging would read as "off": it is a failure, not a fact.
    if (!out.DistributionConfig?.Logging) throw new Error(`[sync] cloudfront GetDistributionConfig on ${d.Id} answered without Logging`);
    logging = out.DistributionConfig.Logging;
  } catch (error) {
    if (isAwsError(error, 'NoSuchDistribution')) return null;
    ctx.itemError(error, { operation: 'GetDistributionConfig', table, resourceId: arn });
  }
  const destinations = v2 ? (v2.get(arn) ?? []) : null;
  const legacy = logging ? logging.Enabled === true : null;
  // Read only from a configuration that passed the Logging test above: a partial answer is no fact.
  const c = logging ? config : null;
  const cert = c?.ViewerCertificate;
  const groups = c?.OriginGroups?.Items ?? [];
  const row: Row = {
    arn,
    id: d.Id,
    domain_name: d.DomainName ?? null,
    aliases: d.Aliases?.Items ?? [],
    enabled: d.Enabled ?? null,
    status: d.Status ?? null,
    legacy_logging_enabled: legacy,
    legacy_logging_bucket: logging?.Enabled ? (logging.Bucket ?? null) : null,
    legacy_logging_prefix: logging?.Enabled ? (logging.Prefix ?? '') : null,
    v2_log_destinations: destinations,
    // Either form on is enough; off needs both known to be off.
    access_logging_enabled: legacy === true || (destinations?.length ?? 0) > 0 ? true : legacy === false && destinations !== null ? false : null,
    web_acl_id: d.WebACLId || null,
    config_read: c !== null,
    default_root_object: c ? (c.DefaultRootObject ?? '') : null,
    cloudfront_default_certificate: cert ? cert.CloudFrontDefaultCertificate === true : null,
    acm_certificate_arn: cert?.ACMCertificateArn || null,
    iam_certificate_id: cert?.IAMCertificateId || null,
    ssl_support_method: cert?.SSLSupportMethod || null,
    minimum_protocol_version: cert?.MinimumProtocolVersion || null,
    origin_group_count: c ? (c.OriginGroups?.Quantity ?? groups.length) : null,
    failover_origin_groups: c ? groups.filter((g) => (g.Members?.Items?.length ?? 0) >= 2).map((g) => g.Id ?? '') : null,
    raw: { summary: d, config, v2LogDestinations: destinations },
  };
  return { row, origins: c ? originRows(arn, d.Id!, c) : [], behaviors: c ? cacheBehaviorRows(arn, d.Id!, c) : [] };
}
