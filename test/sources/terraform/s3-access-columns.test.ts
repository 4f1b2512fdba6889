import { afterEach, describe, expect, it } from 'vitest';
import { loadPlan, PLACEHOLDER_ACCOUNT, type LoadedPlan } from '../../../sources/terraform/load.js';
import { parsePlan } from '../../../sources/terraform/plan.js';
import { rows } from './support.js';

let plan: LoadedPlan | undefined;
afterEach(async () => {
  await plan?.db.close();
  plan = undefined;
});

describe('Terraform bucket policies: the actions FSBP S3.2, S3.3 and S3.6 read', () => {
  it('derives public read/write actions and cross-account blocked actions from a planned policy, and none without one', async () => {
    // SYNTHETIC plan: one bucket readable by anyone and open to another account's ACL writes, one without a policy.
    const create = (address: string, type: string, after: object) => ({ address, mode: 'managed', type, name: address.split('.')[1], change: { actions: ['create'], before: null, after, after_unknown: {} } });
    const statement = (s: object) => ({ Effect: 'Allow', Resource: ['arn:aws:s3:::acme-site', 'arn:aws:s3:::acme-site/*'], ...s });
    const doc = {
      format_version: '1.2',
      resource_changes: [
        create('aws_s3_bucket.site', 'aws_s3_bucket', { bucket: 'acme-site' }),
        create('aws_s3_bucket.plain', 'aws_s3_bucket', { bucket: 'acme-plain' }),
        create('aws_s3_bucket_policy.site', 'aws_s3_bucket_policy', {
          bucket: 'acme-site',
          policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement({ Principal: '*', Action: 's3:GetObject' }), statement({ Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 's3:PutObjectAcl' })] }),
        }),
      ],
    };
    plan = await loadPlan(parsePlan(JSON.stringify(doc)));
    expect(plan.accountId).toBe(PLACEHOLDER_ACCOUNT);
    expect(await rows(plan, 'SELECT name, policy_public_read_actions AS r, policy_public_write_actions AS w, policy_cross_account_blocked_actions AS x FROM aws_s3_buckets ORDER BY name')).toEqual([
      { name: 'acme-plain', r: [], w: [], x: [] },
      { name: 'acme-site', r: ['s3:GetObject'], w: [], x: ['s3:PutObjectAcl'] },
    ]);
  });
});
