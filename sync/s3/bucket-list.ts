import { GetBucketLocationCommand, paginateListBuckets, S3Client, type Bucket, type GetBucketLocationCommandOutput } from '@aws-sdk/client-s3';
import type { SyncContext } from '../types.js';

/**
 * Every bucket of the account. A paginated ListBuckets (MaxBuckets set) is answered with each bucket's
 * BucketRegion, which saves a GetBucketLocation per bucket; an unpaginated one is not. 10,000 is the largest page
 * AWS allows. Buckets without a name (never seen, but typed optional) are left out.
 */
export async function listBuckets(home: S3Client): Promise<Bucket[]> {
  const buckets: Bucket[] = [];
  for await (const page of paginateListBuckets({ client: home, pageSize: 10_000 }, {})) buckets.push(...(page.Buckets ?? []));
  return buckets.filter((b) => b.Name);
}

/**
 * The account's buckets for every S3 collector that reads them (the buckets collector and one per bucket setting):
 * ListBuckets once per account and sync, not once per collector (SyncContext.shared).
 */
export function accountBuckets(ctx: SyncContext, home: S3Client): Promise<Bucket[]> {
  return ctx.shared('ListBuckets', () => listBuckets(home));
}

/** bucketRegion, asked once per bucket and sync however many collectors read the bucket (GetBucketLocation: moto). */
export function sharedBucketRegion(ctx: SyncContext, home: S3Client, bucket: Bucket): ReturnType<typeof bucketRegion> {
  return ctx.shared(`GetBucketLocation\u0000${bucket.Name!}`, () => bucketRegion(home, bucket));
}

/**
 * The bucket's region: ListBuckets' BucketRegion when AWS sent it (no call), else GetBucketLocation (moto never
 * sends BucketRegion). Throws what GetBucketLocation throws (NoSuchBucket when it was deleted meanwhile).
 */
export async function bucketRegion(home: S3Client, bucket: Bucket): Promise<{ region: string; location?: Omit<GetBucketLocationCommandOutput, '$metadata'> }> {
  if (bucket.BucketRegion) return { region: bucket.BucketRegion };
  const { $metadata: _, ...location } = await home.send(new GetBucketLocationCommand({ Bucket: bucket.Name! }));
  return { region: regionOfLocation(location.LocationConstraint), location };
}

/** GetBucketLocation: empty means us-east-1, and the legacy 'EU' means eu-west-1. */
export function regionOfLocation(constraint: string | undefined | null): string {
  if (!constraint) return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}

export function strip<T extends object>(out: T): Omit<T, '$metadata'> {
  const { $metadata: _, ...rest } = out as T & { $metadata?: unknown };
  return rest;
}
