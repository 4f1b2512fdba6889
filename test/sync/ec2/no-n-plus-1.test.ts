import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, CreateVolumeCommand, CreateVpcCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

// Issue 2: "no N+1 calls where a list call already returns the data". EC2 list calls return instances with their
// metadata options, volumes, security groups and rules, so adding resources must not add API calls.
let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

const sync = async (services = ['ec2']) => {
  const db = await memoryDb();
  const r = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, regions: ['us-east-1'], services });
  db.close();
  return r;
};

describe('EC2 collection cost', () => {
  it('makes the same number of API calls with and without 12 more instances, volumes, VPCs and security groups', async () => {
    const before = await sync();
    expect(before.errors).toEqual([]);
    const ec2 = new EC2Client(motoClientConfig(moto, 'us-east-1'));
    await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: 12, MaxCount: 12, InstanceType: 't3.micro' }));
    for (let i = 0; i < 12; i++) {
      await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1 }));
      const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${i}.0.0/16` }));
      const sg = await ec2.send(new CreateSecurityGroupCommand({ GroupName: `g${i}`, Description: 'd', VpcId: vpc.Vpc!.VpcId }));
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: sg.GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
    }
    const after = await sync();
    expect(after.errors).toEqual([]);
    expect(after.resources).toBeGreaterThan(before.resources + 48);
    expect(after.apiCalls).toBe(before.apiCalls);
  });
});

describe('IAM collection cost', () => {
  // The credential report says who has a password, MFA and keys: a user with none of them costs no call.
  it('makes the same number of API calls with and without 12 more IAM users', async () => {
    // The first sync of an account also waits for its first credential report (GenerateCredentialReport answers
    // STARTED, then COMPLETE): one call more that has nothing to do with the users. Compare two later syncs.
    await sync(['iam']);
    const before = await sync(['iam']);
    expect(before.errors).toEqual([]);
    const iam = new IAMClient(motoClientConfig(moto));
    for (let i = 0; i < 12; i++) await iam.send(new CreateUserCommand({ UserName: `n-plus-1-${i}` }));
    const after = await sync(['iam']);
    expect(after.errors).toEqual([]);
    expect(after.rowsByTable.aws_iam_users).toBe((before.rowsByTable.aws_iam_users ?? 0) + 12);
    expect(after.apiCalls).toBe(before.apiCalls);
  });
});
