import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

const id = 'ssm_ec2_instance_managed';
const acct = '111111111111';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const instance = (instance_id: string, state: string, region = 'us-east-1') => ({ arn: `arn:aws:ec2:${region}:${acct}:instance/${instance_id}`, instance_id, state, region });
const node = (instance_id: string, ping_status: string | null, region = 'us-east-1') => ({ arn: `arn:aws:ec2:${region}:${acct}:instance/${instance_id}`, instance_id, ping_status, region, resource_type: 'EC2Instance' });

describe(id, () => {
  it('fails a running instance Systems Manager does not know, and one whose agent lost its connection or is inactive', async () => {
    await seed(db, 'aws_ec2_instances', [instance('i-01', 'running'), instance('i-02', 'running'), instance('i-03', 'running'), instance('i-04', 'running')]);
    await seed(db, 'aws_ssm_managed_instances', [node('i-02', 'ConnectionLost'), node('i-03', 'Inactive'), node('i-04', 'Online')]);
    expect((await checkFindings(db, id)).map((r) => [r.instance_id, r.reason])).toEqual([
      ['i-01', 'Running instance i-01 is not managed by Systems Manager (not in DescribeInstanceInformation)'],
      ['i-02', 'Running instance i-02 is registered with Systems Manager but its agent is ConnectionLost'],
      ['i-03', 'Running instance i-03 is registered with Systems Manager but its agent is Inactive'],
    ]);
  });
  it('fails a managed node whose ping status was not answered', async () => {
    await seed(db, 'aws_ec2_instances', [instance('i-05', 'running')]);
    await seed(db, 'aws_ssm_managed_instances', [node('i-05', null)]);
    expect((await checkFindings(db, id)).map((r) => r.reason)).toEqual(['Running instance i-05 is registered with Systems Manager but its agent is of unknown status']);
  });
  it('passes running instances whose agent is online and does not judge stopped instances', async () => {
    await seed(db, 'aws_ec2_instances', [instance('i-06', 'running'), instance('i-07', 'stopped'), instance('i-08', 'terminated')]);
    await seed(db, 'aws_ssm_managed_instances', [node('i-06', 'Online')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('does not take a managed node of another region for the instance', async () => {
    await seed(db, 'aws_ec2_instances', [instance('i-09', 'running', 'eu-west-1')]);
    await seed(db, 'aws_ssm_managed_instances', [node('i-09', 'Online', 'us-east-1')]);
    expect((await checkFindings(db, id)).map((r) => r.instance_id)).toEqual(['i-09']);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
