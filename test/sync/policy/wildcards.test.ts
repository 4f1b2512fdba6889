import { describe, expect, it } from 'vitest';
import { coversAllActions, coversAllResources, coversEveryExtension, globMatch } from '../../../sync/policy/wildcards.js';

describe('policy wildcards', () => {
  it('matches * and ? as IAM does, anchored at both ends', () => {
    expect(globMatch('arn:aws:s3:::b*', 'arn:aws:s3:::b/key')).toBe(true);
    expect(globMatch('arn:aws:s3:::b?', 'arn:aws:s3:::bx')).toBe(true);
    expect(globMatch('arn:aws:s3:::b?', 'arn:aws:s3:::b')).toBe(false);
    expect(globMatch('arn:aws:s3:::b', 'arn:aws:s3:::b/key')).toBe(false);
    expect(globMatch('*a*b', 'xxaxxb')).toBe(true);
    expect(globMatch('*a*b', 'xxaxxbc')).toBe(false);
  });

  it('knows which patterns cover every string after a prefix', () => {
    for (const p of ['s3:*', '*', '*:*', 's*', 's3*', '*3:**']) expect(coversEveryExtension(p, 's3:'), p).toBe(true);
    for (const p of ['s3:get*', 's3:*object', 'iam:*', 's3:']) expect(coversEveryExtension(p, 's3:'), p).toBe(false);
  });

  it('treats "*", "**" and "*:*" as every action, and service wildcards as not', () => {
    for (const p of ['*', '**', '*:*', '**:*']) expect(coversAllActions(p), p).toBe(true);
    for (const p of ['iam:*', '*:get*', 's3:*', '*:*:*', '?']) expect(coversAllActions(p), p).toBe(false);
  });

  it('treats "*" and all-star ARN patterns as every resource, and narrower ARNs as not', () => {
    for (const p of ['*', 'arn:*', 'arn:aws:*:*:*:*', 'arn:*:*:*:*:*', 'arn:aws-us-gov:*:*:*:*', '*:*']) expect(coversAllResources(p), p).toBe(true);
    for (const p of ['arn:aws:s3:::*', 'arn:aws:*:*:*:*:*', 'arn:aws:iam::*:*', 'arn', 'arn:aws:*:us-east-1:*:*', 'arn:aws:*:*:111111111111:*']) {
      expect(coversAllResources(p), p).toBe(false);
    }
  });
});
