import { describe, expect, it } from 'vitest';
import { identityPolicyFacts } from '../../../sync/policy/facts.js';

const admin = (statement: Record<string, unknown>) => identityPolicyFacts({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...statement }] });

describe('full administrative privileges', () => {
  it('finds every spelling of every action on every resource', () => {
    const spellings: Array<Record<string, unknown>> = [
      { Action: '*', Resource: '*' },
      { Action: ['*'], Resource: ['*'] },
      { Action: '*:*', Resource: '*' },
      { Action: ['s3:GetObject', '*'], Resource: ['arn:aws:s3:::x', '*'] },
      { Action: '*', Resource: 'arn:aws:*:*:*:*' },
      { Action: '*', Resource: 'arn:*' },
      { NotAction: [], Resource: '*' },
      { Action: '*', NotResource: [] },
    ];
    for (const s of spellings) expect(admin(s).allowsFullAdmin, JSON.stringify(s)).toBe(true);
  });

  it('does not call a service wildcard, a resource subset, a NotAction exclusion or a Deny full admin', () => {
    const narrower: Array<Record<string, unknown>> = [
      { Action: 'iam:*', Resource: '*' },
      { Action: '*', Resource: 'arn:aws:s3:::*' },
      { Action: '*', Resource: 'arn:aws:*:*:111111111111:*' },
      { NotAction: 'iam:*', Resource: '*' },
      { Action: '*', NotResource: 'arn:aws:s3:::secret' },
      { Effect: 'Deny', Action: '*', Resource: '*' },
    ];
    for (const s of narrower) expect(admin(s).allowsFullAdmin, JSON.stringify(s)).toBe(false);
  });

  it('still reports a conditional full-admin statement, flagged as conditional', () => {
    const facts = admin({ Sid: 'AdminWithMfa', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
    expect(facts).toMatchObject({ allowsFullAdmin: true, fullAdminStatements: ['AdminWithMfa'], fullAdminConditional: true });
  });

  it('names statements without a Sid by position and keeps reporting despite a Deny elsewhere', () => {
    const facts = identityPolicyFacts({ Statement: [{ Effect: 'Deny', Action: 'iam:*', Resource: '*' }, { Effect: 'Allow', Action: '*', Resource: '*' }] });
    expect(facts).toMatchObject({ allowsFullAdmin: true, fullAdminStatements: ['#2'], fullAdminConditional: false });
  });
});
