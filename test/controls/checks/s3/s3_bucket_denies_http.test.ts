import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';
import { bucketPolicyColumns } from '../../../../sync/s3/buckets.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const arn = (name: string) => `arn:aws:s3:::${name}`;
// The derived columns come from the sync's own code, as a real sync stores them.
const bucket = (name: string, policy: unknown) => ({ name, arn: arn(name), policy, ...bucketPolicyColumns(policy, arn(name)) });
const denyHttp = (resource: unknown, extra: Record<string, unknown> = {}) => ({
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: resource,
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  ...extra,
});
const check = async () => (await checkFindings(db, 's3_bucket_denies_http')).map((r) => [r.resource_id, r.reason]);

describe('s3_bucket_denies_http', () => {
  it('passes a bucket whose policy denies plain HTTP for the bucket and its objects', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('good', { Version: '2012-10-17', Statement: [denyHttp([arn('good'), `${arn('good')}/*`])] })]);
    expect(await check()).toEqual([]);
  });

  it('accepts the common spellings: one statement object, {"AWS": "*"}, Action "*", boolean false, BoolIfExists, any key case', async () => {
    await seed(db, 'aws_s3_buckets', [
      bucket('object-statement', { Statement: denyHttp([arn('object-statement'), `${arn('object-statement')}/*`], { Principal: { AWS: '*' }, Action: ['s3:GetObject', '*'] }) }),
      bucket('bool-false', { Statement: [denyHttp([arn('bool-false'), `${arn('bool-false')}/*`], { Principal: { AWS: ['*'] }, Condition: { Bool: { 'aws:securetransport': false } } })] }),
      bucket('if-exists', { Statement: [denyHttp([arn('if-exists'), `${arn('if-exists')}/*`], { Condition: { BoolIfExists: { 'aws:SecureTransport': ['false'] } } })] }),
      bucket('wildcard', { Statement: [denyHttp(`${arn('wildcard')}*`)] }),
      bucket('split', { Statement: [denyHttp(arn('split')), denyHttp(`${arn('split')}/*`)] }),
    ]);
    expect(await check()).toEqual([]);
  });

  it('fails a bucket whose policy denies plain HTTP only for its objects', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('objects-only', { Statement: [denyHttp(`${arn('objects-only')}/*`)] })]);
    expect(await check()).toEqual([[arn('objects-only'), 'Bucket policy denies plain HTTP for the objects only, not for the bucket itself']]);
  });

  it('fails a bucket whose policy denies plain HTTP only for the bucket itself', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('bucket-only', { Statement: [denyHttp(arn('bucket-only'))] })]);
    expect(await check()).toEqual([[arn('bucket-only'), 'Bucket policy denies plain HTTP for the bucket but not for its objects']]);
  });

  it('fails a bucket without a policy', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('no-policy', null)]);
    expect(await check()).toEqual([[arn('no-policy'), 'Bucket has no policy, so requests over plain HTTP are not denied']]);
  });

  it('fails policies that do not deny every principal every action over HTTP', async () => {
    const both = (n: string) => [arn(n), `${arn(n)}/*`];
    await seed(db, 'aws_s3_buckets', [
      bucket('allows-http', { Statement: [{ ...denyHttp(both('allows-http')), Effect: 'Allow' }] }),
      bucket('one-principal', { Statement: [denyHttp(both('one-principal'), { Principal: { AWS: 'arn:aws:iam::111111111111:root' } })] }),
      bucket('some-actions', { Statement: [denyHttp(both('some-actions'), { Action: ['s3:GetObject', 's3:PutObject'] })] }),
      bucket('secure-true', { Statement: [denyHttp(both('secure-true'), { Condition: { Bool: { 'aws:SecureTransport': 'true' } } })] }),
      bucket('narrowed', { Statement: [denyHttp(both('narrowed'), { Condition: { Bool: { 'aws:SecureTransport': 'false' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })] }),
      bucket('other-bucket', { Statement: [denyHttp(both('elsewhere'))] }),
    ]);
    const failed = await check();
    expect(failed.map(([id]) => id).sort()).toEqual(['allows-http', 'narrowed', 'one-principal', 'other-bucket', 'secure-true', 'some-actions'].map(arn));
    expect(new Set(failed.map(([, reason]) => reason))).toEqual(new Set(['Bucket policy has no statement denying all principals every S3 action when aws:SecureTransport is false']));
  });

  it('accepts lower-case and upper-case spellings of the operator, key and action after normalisation', async () => {
    await seed(db, 'aws_s3_buckets', [
      bucket('shouty', { Statement: [denyHttp([arn('shouty'), `${arn('shouty')}/*`], { Action: 'S3:*', Condition: { BOOL: { 'AWS:SECURETRANSPORT': 'FALSE' } } })] }),
      bucket('star-colon', { Statement: [denyHttp([arn('star-colon'), `${arn('star-colon')}/*`], { Action: '*:*', Condition: { boolifexists: { 'aws:securetransport': 'false' } } })] }),
    ]);
    expect(await check()).toEqual([]);
  });

  it('fails a deny that exempts some principals (NotPrincipal) or uses NotAction', async () => {
    const both = (n: string) => [arn(n), `${arn(n)}/*`];
    await seed(db, 'aws_s3_buckets', [
      bucket('not-principal', { Statement: [denyHttp(both('not-principal'), { Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::111111111111:role/legacy' } })] }),
      bucket('not-action', { Statement: [denyHttp(both('not-action'), { Action: undefined, NotAction: 's3:GetObject' })] }),
    ]);
    expect((await check()).map(([id]) => id).sort()).toEqual([arn('not-action'), arn('not-principal')]);
  });

  it('fails a bucket whose policy could not be read, rather than passing it', async () => {
    await seed(db, 'aws_s3_buckets', [{ name: 'unknown', arn: arn('unknown'), policy: null }]);
    expect(await check()).toEqual([[arn('unknown'), 'Bucket policy could not be read or analysed, so a denial of plain HTTP cannot be shown: sync again']]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 's3_bucket_denies_http')).toEqual([]);
  });
});
