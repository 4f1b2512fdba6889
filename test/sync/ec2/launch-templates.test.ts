import { CreateLaunchTemplateCommand, CreateLaunchTemplateVersionCommand, EC2Client, ModifyLaunchTemplateCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const secret = Buffer.from('#!/bin/sh\nexport DB_PASSWORD=hunter2\n').toString('base64');

beforeAll(async () => {
  moto = await startMoto();
  const ec2 = new EC2Client(motoClientConfig(moto, 'us-east-1'));
  // 'web': version 1 asks for a public IP; version 2 does not, and becomes the default — the default is judged.
  const web = await ec2.send(new CreateLaunchTemplateCommand({
    LaunchTemplateName: 'web', LaunchTemplateData: { UserData: secret, NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true }] },
  }));
  await ec2.send(new CreateLaunchTemplateVersionCommand({
    LaunchTemplateId: web.LaunchTemplate!.LaunchTemplateId,
    LaunchTemplateData: { UserData: secret, NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: false }], MetadataOptions: { HttpTokens: 'required' } },
  }));
  await ec2.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: web.LaunchTemplate!.LaunchTemplateId, DefaultVersion: '2' }));
  await ec2.send(new CreateLaunchTemplateCommand({
    LaunchTemplateName: 'bastion', LaunchTemplateData: { NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true }, { DeviceIndex: 1 }] },
  }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['ec2'], regions: ['us-east-1'] });
}, 90_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('EC2 launch templates collector', () => {
  it('writes each template as its default version defines it', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all(
      `SELECT name, arn = 'arn:aws:ec2:us-east-1:123456789012:launch-template/' || launch_template_id AS arn_ok, default_version_number,
              network_interface_count, public_ip_interfaces, metadata_http_tokens FROM aws_ec2_launch_templates ORDER BY name`,
    );
    expect(rows).toEqual([
      { name: 'bastion', arn_ok: true, default_version_number: 1, network_interface_count: 2, public_ip_interfaces: 1, metadata_http_tokens: null },
      { name: 'web', arn_ok: true, default_version_number: 2, network_interface_count: 1, public_ip_interfaces: 0, metadata_http_tokens: 'required' },
    ]);
  });

  it('never stores the user data, raw included', async () => {
    const raw = JSON.stringify(await db.all('SELECT raw FROM aws_ec2_launch_templates'));
    expect(raw).toContain('NetworkInterfaces');
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain('UserData');
  });
});
