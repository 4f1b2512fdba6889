import { describe, expect, it } from 'vitest';
import { bucketPolicyFacts } from '../../../sync/policy/facts.js';

const bucket = 'arn:aws:s3:::logs';
const deny = (extra: Record<string, unknown> = {}) => ({
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [bucket, `${bucket}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  ...extra,
});
const denial = (...statements: unknown[]) => bucketPolicyFacts({ Statement: statements }, bucket).deniesInsecureTransport;

describe('denial of plain HTTP in a bucket policy', () => {
  it('recognises the canonical statement and its spellings', () => {
    const both = { bucket: true, objects: true };
    expect(denial(deny())).toEqual(both);
    expect(denial(deny({ Principal: { AWS: '*' }, Action: '*' }))).toEqual(both);
    expect(denial(deny({ Principal: { AWS: ['*'] }, Action: ['s3:GetObject', 'S3:*'] }))).toEqual(both);
    expect(denial(deny({ Condition: { bool: { 'AWS:SECURETRANSPORT': false } } }))).toEqual(both);
    expect(denial(deny({ Condition: { BoolIfExists: { 'aws:SecureTransport': ['false'] } } }))).toEqual(both);
    expect(denial(deny({ Resource: `${bucket}*` }))).toEqual(both);
    expect(denial(deny({ Resource: 'arn:aws:s3:::*' }))).toEqual(both);
    expect(denial(deny({ Resource: bucket }), deny({ Resource: `${bucket}/*` }))).toEqual(both);
  });

  it('says which part is covered when only the bucket or only the objects are', () => {
    expect(denial(deny({ Resource: `${bucket}/*` }))).toEqual({ bucket: false, objects: true });
    expect(denial(deny({ Resource: bucket }))).toEqual({ bucket: true, objects: false });
    expect(denial(deny({ Resource: `${bucket}/public/*` }))).toEqual({ bucket: false, objects: false });
  });

  it('does not count an Allow, some principals, some actions, a narrowed or inverted condition, or another bucket', () => {
    const none = { bucket: false, objects: false };
    expect(denial(deny({ Effect: 'Allow' }))).toEqual(none);
    expect(denial(deny({ Principal: { AWS: 'arn:aws:iam::111111111111:root' } }))).toEqual(none);
    expect(denial(deny({ Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::1:role/x' } }))).toEqual(none);
    expect(denial(deny({ Action: ['s3:GetObject', 's3:PutObject'] }))).toEqual(none);
    expect(denial(deny({ Action: undefined, NotAction: 's3:GetObject' }))).toEqual(none);
    expect(denial(deny({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } }))).toEqual(none);
    expect(denial(deny({ Condition: { Bool: { 'aws:SecureTransport': 'false' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }))).toEqual(none);
    expect(denial(deny({ Condition: undefined }))).toEqual(none);
    expect(denial(deny({ Resource: ['arn:aws:s3:::other', 'arn:aws:s3:::other/*'] }))).toEqual(none);
  });
});
