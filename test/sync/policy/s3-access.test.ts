import { describe, expect, it } from 'vitest';
import { normalizePolicy } from '../../../sync/policy/normalize.js';
import { crossAccountAllowedActions, publiclyAllowedActions, S3_CROSS_ACCOUNT_BLOCKED_ACTIONS, S3_READ_ACTIONS, S3_WRITE_ACTIONS } from '../../../sync/policy/s3-access.js';

const policy = (...Statement: object[]) => normalizePolicy({ Version: '2012-10-17', Statement });
const allow = (extra: object) => ({ Effect: 'Allow', Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'], ...extra });
const owner = '111111111111';

describe('publiclyAllowedActions', () => {
  it('finds read actions granted to everyone through exact names and wildcards', () => {
    expect(publiclyAllowedActions(policy(allow({ Principal: '*', Action: 's3:GetObject' })), S3_READ_ACTIONS)).toEqual(['s3:GetObject']);
    expect(publiclyAllowedActions(policy(allow({ Principal: { AWS: '*' }, Action: 's3:Get*' })), S3_READ_ACTIONS)).toEqual(['s3:GetObject', 's3:GetObjectVersion']);
    expect(publiclyAllowedActions(policy(allow({ Principal: '*', Action: 'S3:*' })), S3_WRITE_ACTIONS)).toEqual([...S3_WRITE_ACTIONS]);
  });

  it('reads NotAction as every action it does not name', () => {
    expect(publiclyAllowedActions(policy(allow({ Principal: '*', NotAction: ['s3:Put*', 's3:Delete*'] })), S3_WRITE_ACTIONS)).toEqual([]);
    expect(publiclyAllowedActions(policy(allow({ Principal: '*', NotAction: 's3:PutObject' })), S3_WRITE_ACTIONS)).toEqual(S3_WRITE_ACTIONS.filter((a) => a !== 's3:PutObject'));
  });

  it('ignores statements narrowed by a condition on the caller, Deny statements and named principals', () => {
    expect(publiclyAllowedActions(policy(
      allow({ Principal: '*', Action: 's3:*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }),
      { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' },
      allow({ Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 's3:*' }),
    ), S3_READ_ACTIONS)).toEqual([]);
  });

  it('does not count a write-only grant as read, nor a read-only grant as write', () => {
    expect(publiclyAllowedActions(policy(allow({ Principal: '*', Action: 's3:PutObject' })), S3_READ_ACTIONS)).toEqual([]);
    expect(publiclyAllowedActions(policy(allow({ Principal: '*', Action: ['s3:GetObject', 's3:ListBucket'] })), S3_WRITE_ACTIONS)).toEqual([]);
  });
});

describe('crossAccountAllowedActions', () => {
  it('finds blocked actions granted to another account, by ARN or id, through wildcards', () => {
    expect(crossAccountAllowedActions(policy(allow({ Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 's3:Put*' })), owner, S3_CROSS_ACCOUNT_BLOCKED_ACTIONS))
      .toEqual(['s3:PutBucketAcl', 's3:PutBucketPolicy', 's3:PutEncryptionConfiguration', 's3:PutObjectAcl']);
    expect(crossAccountAllowedActions(policy(allow({ Principal: { AWS: '222222222222' }, Action: '*' })), owner, S3_CROSS_ACCOUNT_BLOCKED_ACTIONS)).toEqual([...S3_CROSS_ACCOUNT_BLOCKED_ACTIONS]);
  });

  it("passes the owner's own principals, services, other actions, and '*' pinned to the owner account", () => {
    expect(crossAccountAllowedActions(policy(
      allow({ Principal: { AWS: `arn:aws:iam::${owner}:role/admin` }, Action: 's3:*' }),
      allow({ Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject' }),
      allow({ Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: ['s3:GetObject', 's3:PutObject'] }),
      allow({ Principal: '*', Action: 's3:*', Condition: { StringEquals: { 'aws:PrincipalAccount': owner } } }),
    ), owner, S3_CROSS_ACCOUNT_BLOCKED_ACTIONS)).toEqual([]);
  });

  it("counts '*' and NotPrincipal as other accounts, even when narrowed to an organisation", () => {
    expect(crossAccountAllowedActions(policy(allow({ Principal: '*', Action: 's3:PutObjectAcl', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } })), owner, S3_CROSS_ACCOUNT_BLOCKED_ACTIONS)).toEqual(['s3:PutObjectAcl']);
    expect(crossAccountAllowedActions(policy(allow({ NotPrincipal: { AWS: `arn:aws:iam::${owner}:root` }, Action: 's3:PutBucketPolicy' })), owner, S3_CROSS_ACCOUNT_BLOCKED_ACTIONS)).toEqual(['s3:PutBucketPolicy']);
  });
});
