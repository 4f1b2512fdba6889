import { describe, expect, it } from 'vitest';
import { normalizePolicy } from '../../../sync/policy/normalize.js';

describe('normalizePolicy', () => {
  it('turns a single statement object and single values into lists', () => {
    expect(normalizePolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' } })).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:getobject'], Resource: ['arn:aws:s3:::b/*'] }],
    });
  });

  it('keeps NotAction and NotResource apart from Action and Resource, and keeps an empty list empty', () => {
    const [s] = normalizePolicy({ Statement: [{ Effect: 'Allow', NotAction: [], NotResource: 'arn:aws:s3:::x' }] }).Statement;
    expect(s).toEqual({ Effect: 'Allow', NotAction: [], NotResource: ['arn:aws:s3:::x'] });
  });

  it('lower-cases action names but keeps resource ARNs as written', () => {
    const [s] = normalizePolicy({ Statement: [{ Effect: 'Allow', Action: ['IAM:PassRole', 'S3:*'], Resource: 'arn:aws:s3:::MyBucket' }] }).Statement;
    expect(s!.Action).toEqual(['iam:passrole', 's3:*']);
    expect(s!.Resource).toEqual(['arn:aws:s3:::MyBucket']);
  });

  it('spells Principal "*" as {"AWS": ["*"]} and groups principal kinds in lists', () => {
    const p = normalizePolicy({
      Statement: [
        { Effect: 'Allow', Principal: '*' },
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root', Service: ['cloudtrail.amazonaws.com'] } },
        { Effect: 'Deny', NotPrincipal: { AWS: ['arn:aws:iam::1:role/a', 'arn:aws:iam::1:role/b'] } },
      ],
    });
    expect(p.Statement.map((s) => s.Principal ?? s.NotPrincipal)).toEqual([
      { AWS: ['*'] },
      { AWS: ['arn:aws:iam::1:root'], Service: ['cloudtrail.amazonaws.com'] },
      { AWS: ['arn:aws:iam::1:role/a', 'arn:aws:iam::1:role/b'] },
    ]);
  });

  it('lower-cases condition operators and keys, turns values into string lists and merges repeated spellings', () => {
    const [s] = normalizePolicy({
      Statement: [{ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': false }, bool: { 'AWS:securetransport': 'False' }, NumericLessThan: { 's3:TlsVersion': 1.2 } } }],
    }).Statement;
    expect(s!.Condition).toEqual({ bool: { 'aws:securetransport': ['false', 'False'] }, numericlessthan: { 's3:tlsversion': ['1.2'] } });
  });

  it('keeps Sid, Effect and Id as written', () => {
    expect(normalizePolicy({ Id: 'p1', Statement: [{ Sid: 'Admin', Effect: 'Allow', Action: '*', Resource: '*' }] })).toEqual({
      Id: 'p1',
      Statement: [{ Sid: 'Admin', Effect: 'Allow', Action: ['*'], Resource: ['*'] }],
    });
  });

  it('refuses a document without Statement, a statement that is not an object, and a malformed Condition', () => {
    expect(() => normalizePolicy({ Version: '2012-10-17' })).toThrow(/no Statement/);
    expect(() => normalizePolicy('{"Statement": []}')).toThrow(/must be a JSON object/);
    expect(() => normalizePolicy({ Statement: ['Allow'] })).toThrow(/statement 0 .* not an object/);
    expect(() => normalizePolicy({ Statement: [{ Effect: 'Allow', Condition: { Bool: 'x' } }] })).toThrow(/operator Bool/);
  });
});
