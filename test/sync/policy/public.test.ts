import { describe, expect, it } from 'vitest';
import { resourcePolicyFacts } from '../../../sync/policy/facts.js';

const statement = (extra: Record<string, unknown>) => ({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', ...extra });
const isPublic = (extra: Record<string, unknown>) => resourcePolicyFacts({ Statement: [statement(extra)] }).isPublic;

describe('public resource policies', () => {
  it('calls Principal "*", {"AWS": "*"}, {"AWS": ["*"]} and Allow with NotPrincipal public', () => {
    expect(isPublic({})).toBe(true);
    expect(isPublic({ Principal: { AWS: '*' } })).toBe(true);
    expect(isPublic({ Principal: { AWS: ['arn:aws:iam::1:root', '*'] } })).toBe(true);
    expect(isPublic({ Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::1:root' } })).toBe(true);
  });

  it('does not call an account, a service principal or a Deny public', () => {
    expect(isPublic({ Principal: { AWS: 'arn:aws:iam::111111111111:root' } })).toBe(false);
    expect(isPublic({ Principal: { Service: 'cloudtrail.amazonaws.com' } })).toBe(false);
    expect(isPublic({ Effect: 'Deny' })).toBe(false);
  });

  it('accepts conditions that narrow who can call: principal, org, source account/ARN/VPC/endpoint/IP', () => {
    const narrowing = [
      { StringEquals: { 'aws:PrincipalAccount': '111111111111' } },
      { StringEquals: { 'AWS:PRINCIPALORGID': ['o-abc123'] } },
      { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-abc123/r-ab12/ou-ab12-11111111/*' } },
      { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/*' } },
      { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudtrail:*:111111111111:trail/*' } },
      { StringEquals: { 'aws:SourceAccount': '111111111111' } },
      { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c' } },
      { StringEquals: { 'aws:SourceVpc': 'vpc-1a2b3c' } },
      { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } },
      { Bool: { 'aws:SecureTransport': 'true' }, StringEquals: { 'aws:SourceAccount': '111111111111' } },
    ];
    for (const c of narrowing) expect(isPublic({ Condition: c }), JSON.stringify(c)).toBe(false);
  });

  it('ignores conditions that narrow nothing: empty, unrelated, negative, IfExists, wildcards, /0', () => {
    const notNarrowing = [
      {},
      { Bool: { 'aws:SecureTransport': 'true' } },
      { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
      { StringNotEquals: { 'aws:PrincipalAccount': '111111111111' } },
      { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c' } },
      { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-abc123' } },
      { StringLike: { 'aws:PrincipalArn': '*' } },
      { StringLike: { 'aws:SourceVpce': 'vpce-*' } },
      { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin' } },
      { StringLike: { 'aws:PrincipalOrgPaths': '*/r-ab12/*' } },
      { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '0.0.0.0/0'] } },
      { StringEquals: { 'aws:PrincipalAccount': [] } },
    ];
    for (const c of notNarrowing) expect(isPublic({ Condition: c }), JSON.stringify(c)).toBe(true);
  });

  it('lists the public statements by Sid', () => {
    const facts = resourcePolicyFacts({
      Statement: [statement({ Sid: 'Open' }), statement({ Sid: 'Scoped', Condition: { StringEquals: { 'aws:SourceAccount': '1' } } }), statement({})],
    });
    expect(facts.publicStatements).toEqual(['Open', '#3']);
  });
});
