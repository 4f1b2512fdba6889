import { GetAccessPointCommand, paginateListAccessPoints, S3ControlClient, type AccessPoint, type GetAccessPointCommandOutput } from '@aws-sdk/client-s3-control';
import type { Row } from '../../schema/db.js';
import { awsS3AccessPoints } from '../../schema/s3.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { strip } from './bucket-list.js';

const table = awsS3AccessPoints.name;

/**
 * aws_s3_access_points: S3 Control ListAccessPoints in every scanned region (access points are regional; S3 is a
 * global service here, so one scope walks the regions), then GetAccessPoint per access point: the list does not
 * carry the access point's Block Public Access settings. A list that fails fails the scope (earlier rows are kept,
 * marked stale); a GetAccessPoint that fails is an item error and the row keeps NULL settings.
 */
export const accessPointsCollector: Collector = {
  service: 's3',
  name: 'access-points',
  scope: 'global',
  tables: [awsS3AccessPoints],
  async collect(ctx) {
    const rows: Row[] = [];
    for (const region of ctx.regions) {
      const client = ctx.client(S3ControlClient, region);
      const listed: AccessPoint[] = [];
      for await (const page of paginateListAccessPoints({ client, pageSize: 1000 }, { AccountId: ctx.accountId })) listed.push(...(page.AccessPointList ?? []));
      // AWS answers the region's own access points; an endpoint that answers every region's (moto 5.2.1 does)
      // would count each access point once per region, so keep those whose ARN names this region.
      const own = listed.filter((ap) => !ap.AccessPointArn || ap.AccessPointArn.split(':')[3] === region);
      const read = await ctx.map(own, (ap) => accessPointRow(ctx, client, region, ap));
      rows.push(...read.filter((r): r is Row => r !== null));
    }
    return { [table]: rows };
  },
};

async function accessPointRow(ctx: SyncContext, client: S3ControlClient, region: string, ap: AccessPoint): Promise<Row | null> {
  const arn = ap.AccessPointArn ?? `arn:${ctx.partition}:s3:${region}:${ctx.accountId}:accesspoint/${ap.Name}`;
  let detail: GetAccessPointCommandOutput | undefined;
  try {
    detail = await client.send(new GetAccessPointCommand({ AccountId: ctx.accountId, Name: ap.Name }));
  } catch (error) {
    // Deleted between the list and this call.
    if (isAwsError(error, 'NoSuchAccessPoint')) return null;
    ctx.itemError(error, { operation: 'GetAccessPoint', table, resourceId: arn });
  }
  const block = detail?.PublicAccessBlockConfiguration;
  // Read, but without a configuration: AWS leaves a flag out when it is off. Not read: unknown (NULL).
  const flag = (v: boolean | undefined) => (detail === undefined ? null : (v ?? false));
  return {
    region,
    name: ap.Name ?? null,
    arn,
    alias: ap.Alias ?? detail?.Alias ?? null,
    bucket: ap.Bucket ?? null,
    bucket_account_id: ap.BucketAccountId ?? detail?.BucketAccountId ?? null,
    network_origin: ap.NetworkOrigin ?? null,
    vpc_id: ap.VpcConfiguration?.VpcId ?? null,
    creation_date: detail?.CreationDate ?? null,
    block_public_acls: flag(block?.BlockPublicAcls),
    ignore_public_acls: flag(block?.IgnorePublicAcls),
    block_public_policy: flag(block?.BlockPublicPolicy),
    restrict_public_buckets: flag(block?.RestrictPublicBuckets),
    raw: { accessPoint: ap, detail: detail ? strip(detail) : null },
  };
}
