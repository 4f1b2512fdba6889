import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const instance = (id: string, state: string, profile: string | null, name?: string) => ({
  arn: `arn:aws:ec2:us-east-1:111111111111:instance/${id}`,
  instance_id: id,
  state,
  iam_instance_profile_arn: profile,
  tags: name ? { Name: name } : {},
});
const profile = 'arn:aws:iam::111111111111:instance-profile/web';

describe('ec2_instance_uses_iam_role', () => {
  it('fails running and pending instances without an instance profile', async () => {
    await seed(db, 'aws_ec2_instances', [instance('i-1', 'running', null, 'web'), instance('i-2', 'pending', null)]);
    expect((await checkFindings(db, 'ec2_instance_uses_iam_role')).map((r) => [r.resource_id, r.reason])).toEqual([
      [instance('i-1', '', null).arn, 'Instance i-1 (web) is running without an IAM instance profile'],
      [instance('i-2', '', null).arn, 'Instance i-2 is pending without an IAM instance profile'],
    ]);
  });

  it('passes instances with a profile and leaves stopped and terminated ones out', async () => {
    await seed(db, 'aws_ec2_instances', [instance('i-1', 'running', profile), instance('i-2', 'stopped', null), instance('i-3', 'terminated', null)]);
    expect(await checkFindings(db, 'ec2_instance_uses_iam_role')).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, 'ec2_instance_uses_iam_role')).toEqual([]);
  });
});
