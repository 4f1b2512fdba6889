import { describe, expect, it } from 'vitest';
import { inlineColumns, managedPolicyDocumentColumns, roleRow } from '../../../sync/iam/principal-rows.js';
import { bucketPolicyColumns } from '../../../sync/s3/buckets.js';

const admin = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } });
const broken = JSON.stringify({ Version: '2012-10-17' });

describe('policy columns derived at sync time', () => {
  it('stores inline policies normalised and names those granting full admin', () => {
    const cols = inlineColumns([{ PolicyName: 'god', PolicyDocument: encodeURIComponent(admin) }, { PolicyName: 'narrow', PolicyDocument: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'S3:Get*', Resource: '*' }] }) }], 'user u', 'arn:u');
    expect(cols.full_admin_inline_policies).toEqual(['god']);
    expect(cols.inline_policies_normalized).toEqual([
      { name: 'god', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['*'], Resource: ['*'] }] } },
      { name: 'narrow', document: { Statement: [{ Effect: 'Allow', Action: ['s3:get*'], Resource: ['*'] }] } },
    ]);
  });

  it('reports a document it cannot analyse and leaves the facts unknown (NULL), never "no admin"', () => {
    const reported: Array<[string, string | undefined]> = [];
    const cols = inlineColumns([{ PolicyName: 'odd', PolicyDocument: broken }], 'role r', 'arn:r', (e, id) => reported.push([e.message, id]));
    expect(cols).toMatchObject({ inline_policies_normalized: null, full_admin_inline_policies: null, kms_decrypt_inline_policies: null });
    expect(reported).toEqual([['[sync] iam: the role r inline policy odd cannot be analysed: the policy document has no Statement element', 'arn:r']]);
    expect(managedPolicyDocumentColumns({ Statement: 'x' }, 'policy p', 'arn:p', () => undefined)).toMatchObject({ allows_full_admin: null, document_normalized: null });
  });

  it('throws without a reporter, so a caller cannot drop the failure silently', () => {
    expect(() => managedPolicyDocumentColumns({ Version: '2012-10-17' }, 'policy p', 'arn:p')).toThrow(/cannot be analysed/);
  });

  it('leaves every fact NULL for a managed policy whose document is unknown', () => {
    expect(managedPolicyDocumentColumns(null, 'policy p', 'arn:p')).toEqual({
      document: null, document_normalized: null, allows_full_admin: null, full_admin_statements: null, full_admin_conditional: null,
      service_wildcard_statements: null, kms_decrypt_all_keys_statements: null,
    });
  });

  it('normalises a role trust policy', () => {
    const row = roleRow({ RoleName: 'r', Arn: 'arn:r', AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] })) });
    expect(row.assume_role_policy_normalized).toEqual({ Statement: [{ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: ['sts:assumerole'] }] });
  });

  it('records no bucket policy as a fact (not public, no denial) and refuses a policy without statements', () => {
    expect(bucketPolicyColumns(null, 'arn:aws:s3:::b')).toEqual({ policy_normalized: null, policy_is_public: false, public_statements: [], denies_insecure_transport: false, insecure_transport_denied_for: [] });
    expect(() => bucketPolicyColumns({ Version: '2012-10-17' }, 'arn:aws:s3:::b')).toThrow(/no Statement/);
  });
});
