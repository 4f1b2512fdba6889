import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketExists, bucketOfS3Origin } from '../../../sync/cloudfront/s3-origin-buckets.js';
import type { SyncContext } from '../../../sync/types.js';
import { motoClientConfig, startMoto, type Moto } from '../../support/moto.js';

let moto: Moto;
let s3: S3Client;
beforeAll(async () => {
  moto = await startMoto();
  s3 = new S3Client({ ...motoClientConfig(moto, 'us-east-1'), forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'assets' }));
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

describe('S3 origin buckets (CloudFront.12)', () => {
  it('reads the bucket from each REST endpoint form of an S3 origin, and nothing from other names', () => {
    expect(bucketOfS3Origin('assets.s3.amazonaws.com')).toBe('assets');
    expect(bucketOfS3Origin('my.site.assets.s3.eu-west-1.amazonaws.com')).toBe('my.site.assets');
    expect(bucketOfS3Origin('assets.s3-eu-west-1.amazonaws.com')).toBe('assets');
    expect(bucketOfS3Origin('assets.s3.cn-north-1.amazonaws.com.cn')).toBe('assets');
    expect(bucketOfS3Origin('app.example.com')).toBeNull();
    expect(bucketOfS3Origin(undefined)).toBeNull();
  });

  it('asks S3 with HeadBucket: an existing bucket exists, a missing one (404) does not, with no item error', async () => {
    const errors: unknown[] = [];
    const ctx = { itemError: (error: unknown) => errors.push(error) } as unknown as SyncContext;
    const where = { table: 'aws_cloudfront_origins', resourceId: 'arn:aws:s3:::x' };
    expect(await bucketExists(ctx, s3, 'assets', where)).toBe(true);
    expect(await bucketExists(ctx, s3, 'deleted-long-ago', where)).toBe(false);
    expect(errors).toEqual([]);
  });
});
