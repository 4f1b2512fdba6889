import { CreateBucketCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
}, 30_000);
afterAll(async () => {
  await moto?.stop();
});

const policy = (bucket: string, ...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: Statement.map((s) => ({ Effect: 'Allow', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], ...s })) });

describe('S3 bucket policy access facts (FSBP S3.2, S3.3, S3.6)', () => {
  it('records the read and write actions a policy grants to everyone and the blocked actions it grants other accounts', async () => {
    const s3 = new S3Client(motoClientConfig(moto, 'us-east-1'));
    for (const b of ['site', 'shared', 'plain']) await s3.send(new CreateBucketCommand({ Bucket: b }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'site', Policy: policy('site', { Sid: 'Website', Principal: '*', Action: 's3:GetObject' }) }));
    await s3.send(new PutBucketPolicyCommand({
      Bucket: 'shared',
      Policy: policy('shared',
        { Sid: 'Partner', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: ['s3:Put*', 's3:GetObject'] },
        { Sid: 'Own', Principal: { AWS: 'arn:aws:iam::123456789012:role/admin' }, Action: 's3:*' }),
    }));
    const db = await memoryDb();
    const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['s3'], regions: ['us-east-1'] });
    expect(result.errors).toEqual([]);
    expect(await db.all('SELECT name, policy_public_read_actions AS r, policy_public_write_actions AS w, policy_cross_account_blocked_actions AS x FROM aws_s3_buckets ORDER BY name')).toEqual([
      { name: 'plain', r: [], w: [], x: [] },
      { name: 'shared', r: [], w: [], x: ['s3:PutBucketAcl', 's3:PutBucketPolicy', 's3:PutEncryptionConfiguration', 's3:PutObjectAcl'] },
      { name: 'site', r: ['s3:GetObject'], w: [], x: [] },
    ]);
  }, 60_000);
});
