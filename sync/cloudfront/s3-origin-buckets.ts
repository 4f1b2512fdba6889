import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { SyncContext } from '../types.js';

/**
 * The bucket an S3 origin names. CloudFront S3 origins use the bucket's REST endpoint as DomainName:
 * <bucket>.s3.amazonaws.com, <bucket>.s3.<region>.amazonaws.com or the older <bucket>.s3-<region>.amazonaws.com
 * (.amazonaws.com.cn in China). Null when the name has none of these forms.
 */
export function bucketOfS3Origin(domainName: string | undefined): string | null {
  const m = /^(.+)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/.exec((domainName ?? '').toLowerCase());
  return m ? m[1]! : null;
}

/**
 * Whether a bucket exists anywhere in S3, whoever owns it: HeadBucket answers 404 for a bucket that does not exist,
 * 403 for one that exists in an account we may not read, 301 for one in another region. Null when the answer
 * decides nothing (recorded as an item error), so that a check fails closed.
 */
export async function bucketExists(ctx: SyncContext, s3: S3Client, bucket: string, where: { table: string; resourceId: string }): Promise<boolean | null> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return true;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404) return false;
    if (status === 403 || status === 301) return true;
    ctx.itemError(error, { operation: 'HeadBucket', ...where });
    return null;
  }
}

/** Client for HeadBucket: one per sync context, in its home region (another region's bucket answers 301). */
export function headBucketClient(ctx: SyncContext): S3Client {
  return ctx.client(S3Client);
}
