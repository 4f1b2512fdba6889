import { CreateImageCommand, EC2Client, ModifyImageAttributeCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
let openId: string;
let sharedId: string;

beforeAll(async () => {
  moto = await startMoto();
  const ec2 = new EC2Client(motoClientConfig(moto, 'us-east-1'));
  const run = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: 1, MaxCount: 1, InstanceType: 't3.micro' }));
  const instanceId = run.Instances![0]!.InstanceId!;
  openId = (await ec2.send(new CreateImageCommand({ InstanceId: instanceId, Name: 'open' }))).ImageId!;
  sharedId = (await ec2.send(new CreateImageCommand({ InstanceId: instanceId, Name: 'shared' }))).ImageId!;
  await ec2.send(new ModifyImageAttributeCommand({ ImageId: openId, LaunchPermission: { Add: [{ Group: 'all' }] } }));
  await ec2.send(new ModifyImageAttributeCommand({ ImageId: sharedId, LaunchPermission: { Add: [{ UserId: '222222222222' }] } }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['ec2'], regions: ['us-east-1'] });
}, 90_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('EC2 AMIs collector', () => {
  it("writes the account's own AMIs only, each with whether anyone may launch it", async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT arn, image_id, name, public, owner_id FROM aws_ec2_images ORDER BY name');
    // moto also answers the catalogue of public AMIs it ships, owned by other accounts: they are not the account's.
    expect(rows).toEqual([
      { arn: `arn:aws:ec2:us-east-1::image/${openId}`, image_id: openId, name: 'open', public: true, owner_id: '123456789012' },
      { arn: `arn:aws:ec2:us-east-1::image/${sharedId}`, image_id: sharedId, name: 'shared', public: false, owner_id: '123456789012' },
    ]);
    expect(result.apiCallsByService.EC2).toBeGreaterThan(0);
  });

  it('fails the public AMI and passes the one shared with a named account', async () => {
    expect((await checkFindings(db, 'ec2_ami_not_public')).map((r) => r.image_id)).toEqual([openId]);
  });
});
