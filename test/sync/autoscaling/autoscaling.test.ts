import { AutoScalingClient, CreateAutoScalingGroupCommand, CreateLaunchConfigurationCommand } from '@aws-sdk/client-auto-scaling';
import { CreateLaunchTemplateCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
let templateId: string;
const userData = Buffer.from('#!/bin/sh\nexport DB_PASSWORD=hunter2-secret\n').toString('base64');

beforeAll(async () => {
  moto = await startMoto();
  const cfg = motoClientConfig(moto, 'us-east-1');
  const as = new AutoScalingClient(cfg);
  const ec2 = new EC2Client(cfg);
  await as.send(new CreateLaunchConfigurationCommand({
    LaunchConfigurationName: 'legacy', ImageId: 'ami-12c6146b', InstanceType: 't3.micro', AssociatePublicIpAddress: true, UserData: userData,
  }));
  await as.send(new CreateLaunchConfigurationCommand({
    LaunchConfigurationName: 'hardened', ImageId: 'ami-12c6146b', InstanceType: 't3.micro', AssociatePublicIpAddress: false,
    MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 },
  }));
  const t = await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'web', LaunchTemplateData: { ImageId: 'ami-12c6146b', InstanceType: 't3.micro' } }));
  templateId = t.LaunchTemplate!.LaunchTemplateId!;
  await as.send(new CreateAutoScalingGroupCommand({
    AutoScalingGroupName: 'old', LaunchConfigurationName: 'legacy', MinSize: 1, MaxSize: 2, AvailabilityZones: ['us-east-1a'],
    LoadBalancerNames: [], HealthCheckType: 'EC2',
  }));
  await as.send(new CreateAutoScalingGroupCommand({
    AutoScalingGroupName: 'web', MinSize: 1, MaxSize: 4, AvailabilityZones: ['us-east-1a', 'us-east-1b'], HealthCheckType: 'ELB',
    MixedInstancesPolicy: {
      LaunchTemplate: { LaunchTemplateSpecification: { LaunchTemplateId: templateId, Version: '$Latest' }, Overrides: [{ InstanceType: 't3.micro' }, { InstanceType: 't3a.micro' }] },
    },
  }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['autoscaling'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('autoscaling collectors', () => {
  it('writes groups with their zones, health checks, launch source and instance types', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all(`SELECT region, name, availability_zones, health_check_type, launch_configuration_name, launch_template_id,
      launch_template_version, mixed_instances_policy, instance_types FROM aws_autoscaling_groups ORDER BY name`);
    expect(rows).toEqual([
      { region: 'us-east-1', name: 'old', availability_zones: ['us-east-1a'], health_check_type: 'EC2', launch_configuration_name: 'legacy', launch_template_id: null, launch_template_version: null, mixed_instances_policy: false, instance_types: [] },
      { region: 'us-east-1', name: 'web', availability_zones: ['us-east-1a', 'us-east-1b'], health_check_type: 'ELB', launch_configuration_name: null, launch_template_id: templateId, launch_template_version: '$Latest', mixed_instances_policy: true, instance_types: ['t3.micro', 't3a.micro'] },
    ]);
  });

  it('writes launch configurations with public IP and metadata options, not their user data', async () => {
    const rows = await db.all(`SELECT name, associate_public_ip_address, metadata_options_set, http_tokens, http_endpoint, http_put_response_hop_limit
      FROM aws_autoscaling_launch_configurations ORDER BY name`);
    expect(rows).toEqual([
      { name: 'hardened', associate_public_ip_address: false, metadata_options_set: true, http_tokens: 'required', http_endpoint: 'enabled', http_put_response_hop_limit: 1 },
      { name: 'legacy', associate_public_ip_address: true, metadata_options_set: false, http_tokens: null, http_endpoint: null, http_put_response_hop_limit: null },
    ]);
    expect(JSON.stringify(await db.all('SELECT raw FROM aws_autoscaling_launch_configurations'))).not.toContain(userData);
    const scopes = await db.all("SELECT DISTINCT region, status FROM sync_scopes WHERE table_name LIKE 'aws_autoscaling_%' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });
});
