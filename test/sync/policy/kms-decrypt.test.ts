import { describe, expect, it } from 'vitest';
import { identityPolicyFacts } from '../../../sync/policy/facts.js';

const facts = (partition: string, ...statements: Array<Record<string, unknown>>) =>
  identityPolicyFacts({ Version: '2012-10-17', Statement: statements.map((s) => ({ Effect: 'Allow', ...s })) }, partition);
const flagged = (s: Record<string, unknown>, partition = 'aws') => facts(partition, s).kmsDecryptAllKeysStatements.length > 0;

describe('kms:Decrypt or kms:ReEncryptFrom on every KMS key (FSBP KMS.1, KMS.2)', () => {
  it('flags every action spelling IAM matches to the two actions, on every spelling of all keys, conditions or not', () => {
    const all: Array<Record<string, unknown>> = [
      { Action: 'kms:Decrypt', Resource: '*' },
      { Action: 'kms:ReEncryptFrom', Resource: '*' },
      { Action: 'KMS:decrypt', Resource: '*' },
      { Action: 'kms:*', Resource: '*' },
      { Action: '*', Resource: '*' },
      { Action: 'kms:De*', Resource: '*' },
      { Action: 'kms:ReEncrypt*', Resource: '*' },
      { Action: 'kms:Decrypt', Resource: 'arn:aws:kms:*:*:key/*' },
      { Action: 'kms:Decrypt', Resource: 'arn:aws:kms:*:*:*' },
      { Action: 'kms:Decrypt', Resource: 'arn:aws:kms:*' },
      { Action: 'kms:Decrypt', Resource: 'arn:*' },
      { Action: 'kms:Decrypt', Resource: ['arn:aws:kms:us-east-1:111122223333:key/one', '*'] },
      { NotAction: 's3:*', Resource: '*' },
      { Action: 'kms:Decrypt', NotResource: 'arn:aws:s3:::*' },
      { Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } },
    ];
    for (const s of all) expect(flagged(s), JSON.stringify(s)).toBe(true);
  });

  it('passes other KMS actions, named keys, one region or account, aliases, a NotAction excluding both actions, and Deny', () => {
    const narrower: Array<Record<string, unknown>> = [
      { Action: ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:ReEncryptTo'], Resource: '*' },
      { Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      { Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:*:key/*' },
      { Action: 'kms:Decrypt', Resource: 'arn:aws:kms:*:111122223333:key/*' },
      { Action: 'kms:Decrypt', Resource: 'arn:aws:kms:*:*:alias/*' },
      { NotAction: ['kms:Decrypt', 'kms:ReEncrypt*'], Resource: '*' },
      { Action: 'kms:Decrypt', NotResource: 'arn:aws:kms:*:*:key/*' },
      { Effect: 'Deny', Action: 'kms:*', Resource: '*' },
    ];
    for (const s of narrower) expect(flagged(s), JSON.stringify(s)).toBe(false);
  });

  it("judges every key of the policy owner's partition", () => {
    expect(flagged({ Action: 'kms:Decrypt', Resource: 'arn:aws-cn:kms:*:*:key/*' }, 'aws-cn')).toBe(true);
    expect(flagged({ Action: 'kms:Decrypt', Resource: 'arn:aws:kms:*:*:key/*' }, 'aws-cn')).toBe(false);
  });

  it('names the flagged statements by Sid, or by position, and does not let a Deny clear an Allow', () => {
    const f = facts('aws', { Sid: 'Encrypt', Action: 'kms:Encrypt', Resource: '*' }, { Action: 'kms:Decrypt', Resource: '*' }, { Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' });
    expect(f.kmsDecryptAllKeysStatements).toEqual(['#2']);
  });
});
