import { S3Client } from '@aws-sdk/client-s3';
import type { Row } from '../../schema/db.js';
import type { TableDef } from '../../schema/table.js';
import { isAwsError } from '../errors.js';
import type { Collector } from '../types.js';
import { accountBuckets, sharedBucketRegion, strip } from './bucket-list.js';

export interface PerBucketSpec<Out extends object> {
  name: string;
  table: TableDef;
  /** The S3 operation, for sync_errors. */
  operation: string;
  /** The per-bucket call, against a client of the bucket's own region. */
  read(s3: S3Client, bucket: string): Promise<Out>;
  /** The error codes by which AWS says "not configured": a fact, read as `out = null`. */
  notConfigured: readonly string[];
  /** The table's own columns from the answer (null: not configured). */
  columns(out: Out | null): Row;
}

/**
 * A collector for one per-bucket S3 setting that no list call carries: ListBuckets, then the setting's call per
 * bucket in the bucket's own region. One table per call, so a call that fails (AccessDenied on
 * s3:GetReplicationConfiguration, say) puts only its table in error and spoils only the checks reading it. A
 * bucket whose call failed gets no row and the table is in error (its checks report ERROR, never PASS); a bucket
 * deleted since ListBuckets (NoSuchBucket) is left out.
 */
export function perBucketCollector<Out extends object>(spec: PerBucketSpec<Out>): Collector {
  const table = spec.table.name;
  return {
    service: 's3',
    name: spec.name,
    scope: 'global',
    tables: [spec.table],
    async collect(ctx) {
      const home = ctx.client(S3Client);
      const buckets = await accountBuckets(ctx, home);
      const rows = await ctx.map(buckets, async (bucket): Promise<Row | null> => {
        const name = bucket.Name!;
        const arn = `arn:${ctx.partition}:s3:::${name}`;
        const fail = (operation: string, error: unknown): null => {
          if (!isAwsError(error, 'NoSuchBucket')) ctx.itemError(error, { operation, table, resourceId: arn });
          return null;
        };
        let region: string;
        try {
          region = (await sharedBucketRegion(ctx, home, bucket)).region;
        } catch (error) {
          return fail('GetBucketLocation', error);
        }
        let out: Out | null;
        try {
          out = await spec.read(ctx.client(S3Client, region), name);
        } catch (error) {
          if (!isAwsError(error, ...spec.notConfigured)) return fail(spec.operation, error);
          out = null;
        }
        return { region, name, arn, ...spec.columns(out), raw: out ? strip(out) : null };
      });
      return { [table]: rows.filter((r): r is Row => r !== null) };
    },
  };
}
