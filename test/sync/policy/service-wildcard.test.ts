import { describe, expect, it } from 'vitest';
import { identityPolicyFacts } from '../../../sync/policy/facts.js';

const facts = (...statements: Array<Record<string, unknown>>) =>
  identityPolicyFacts({ Version: '2012-10-17', Statement: statements.map((s) => ({ Effect: 'Allow', Resource: '*', ...s })) });
const flagged = (s: Record<string, unknown>) => facts(s).serviceWildcardStatements.length > 0;

describe('full access to a service (FSBP IAM.21)', () => {
  it('flags every spelling of a whole service: service:*, any case, *, *:*, a trailing-star service prefix, on any resource', () => {
    const whole: Array<Record<string, unknown>> = [
      { Action: 'ec2:*' },
      { Action: ['s3:GetObject', 'S3:*'] },
      { Action: '*' },
      { Action: '*:*' },
      { Action: 'ec2*' },
      { Action: 'ec2:?*' },
      { Action: 'ec2:*', Resource: 'arn:aws:ec2:us-east-1:111111111111:instance/i-1' },
      { Action: 'ec2:*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
    ];
    for (const s of whole) expect(flagged(s), JSON.stringify(s)).toBe(true);
  });

  it('flags an Allow with NotAction, which leaves every service it does not name whole', () => {
    expect(flagged({ NotAction: 'iam:*' })).toBe(true);
    expect(flagged({ NotAction: ['iam:*', 'organizations:*'] })).toBe(true);
    expect(flagged({ NotAction: [] })).toBe(true);
  });

  it('passes prefixed wildcards, named actions, a NotAction reaching into every service, and Deny statements', () => {
    const narrower: Array<Record<string, unknown>> = [
      { Action: 'ec2:Describe*' },
      { Action: ['s3:GetObject', 's3:PutObject'] },
      { Action: '*:Get*' },
      { NotAction: '*:Delete*' },
      { NotAction: '*' },
      { Effect: 'Deny', Action: 'ec2:*' },
    ];
    for (const s of narrower) expect(flagged(s), JSON.stringify(s)).toBe(false);
  });

  it('names the flagged statements by Sid, or by position', () => {
    expect(facts({ Sid: 'Read', Action: 's3:Get*' }, { Sid: 'AllEc2', Action: 'ec2:*' }, { Action: 'sqs:*' }).serviceWildcardStatements).toEqual(['AllEc2', '#3']);
  });
});
