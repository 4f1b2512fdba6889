import { CreateClusterCommand, CreateServiceCommand, DeregisterTaskDefinitionCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const account = '123456789012';
const arn = (kind: string, name: string) => `arn:aws:ecs:us-east-1:${account}:${kind}/${name}`;

beforeAll(async () => {
  moto = await startMoto();
  const ecs = new ECSClient(motoClientConfig(moto, 'us-east-1'));
  const ec2 = new EC2Client(motoClientConfig(moto, 'us-east-1'));
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
  const group = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'api', Description: 'api', VpcId: vpc }))).GroupId!;
  const subnet = (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.0.1.0/24' }))).Subnet!.SubnetId!;
  await ecs.send(new CreateClusterCommand({ clusterName: 'prod', settings: [{ name: 'containerInsights', value: 'enabled' }] }));
  await ecs.send(new CreateClusterCommand({ clusterName: 'dev' }));
  // web: revision 1 is host mode with a root container, revision 2 (the latest active) is awsvpc and hardened.
  await ecs.send(new RegisterTaskDefinitionCommand({
    family: 'web', networkMode: 'host',
    containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128, user: 'root' }],
  }));
  await ecs.send(new RegisterTaskDefinitionCommand({
    family: 'web', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512',
    containerDefinitions: [{
      name: 'app', image: 'nginx', user: '1000', readonlyRootFilesystem: true,
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } },
      environment: [{ name: 'AWS_SECRET_ACCESS_KEY', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }, { name: 'STAGE', value: 'prod' }],
      secrets: [{ name: 'DB_PASSWORD', valueFrom: `arn:aws:secretsmanager:us-east-1:${account}:secret:db` }],
    }],
  }));
  await ecs.send(new RegisterTaskDefinitionCommand({
    family: 'batch', networkMode: 'host', pidMode: 'host',
    containerDefinitions: [{ name: 'worker', image: 'busybox', memory: 128, privileged: true }, { name: 'sidecar', image: 'busybox', memory: 64 }],
  }));
  // A family whose only revision is deregistered has no active revision: no row.
  await ecs.send(new RegisterTaskDefinitionCommand({ family: 'retired', containerDefinitions: [{ name: 'x', image: 'busybox', memory: 64 }] }));
  await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'retired:1' }));
  await ecs.send(new CreateServiceCommand({
    cluster: 'prod', serviceName: 'api', taskDefinition: 'web', desiredCount: 0, launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: [subnet], securityGroups: [group], assignPublicIp: 'ENABLED' } },
  }));
  await ecs.send(new CreateServiceCommand({ cluster: 'prod', serviceName: 'jobs', taskDefinition: 'batch', desiredCount: 0 }));
  await ecs.send(new CreateServiceCommand({
    cluster: 'dev', serviceName: 'pinned', taskDefinition: 'web', desiredCount: 0, platformVersion: '1.3.0',
    capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
    networkConfiguration: { awsvpcConfiguration: { subnets: [subnet], securityGroups: [group] } },
  }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['ecs'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('ecs collectors', () => {
  it('writes each cluster with its Container Insights setting', async () => {
    expect(result.errors).toEqual([]);
    expect(await db.all('SELECT region, arn, name, container_insights FROM aws_ecs_clusters ORDER BY name')).toEqual([
      { region: 'us-east-1', arn: arn('cluster', 'dev'), name: 'dev', container_insights: 'disabled' },
      { region: 'us-east-1', arn: arn('cluster', 'prod'), name: 'prod', container_insights: 'enabled' },
    ]);
  });

  it('writes the services of every cluster with their public IP assignment', async () => {
    expect(await db.all("SELECT name, cluster_arn, launch_type, assign_public_ip FROM aws_ecs_services WHERE name <> 'pinned' ORDER BY name")).toEqual([
      { name: 'api', cluster_arn: arn('cluster', 'prod'), launch_type: 'FARGATE', assign_public_ip: 'ENABLED' },
      { name: 'jobs', cluster_arn: arn('cluster', 'prod'), launch_type: 'EC2', assign_public_ip: null },
    ]);
  });

  it('writes the platform version a service asks for', async () => {
    // moto 5.2.1 keeps an explicit platformVersion but reports none for a service that asked for none (AWS says
    // LATEST for Fargate), and drops capacityProviderStrategy, so capacity_providers is [] here.
    expect(await db.all('SELECT name, platform_version, capacity_providers FROM aws_ecs_services ORDER BY name')).toEqual([
      { name: 'api', platform_version: null, capacity_providers: [] },
      { name: 'jobs', platform_version: null, capacity_providers: [] },
      { name: 'pinned', platform_version: '1.3.0', capacity_providers: [] },
    ]);
  });

  it('writes the latest active revision of each family, and none for a family without one', async () => {
    expect(await db.all('SELECT arn, family, revision, network_mode, pid_mode FROM aws_ecs_task_definitions ORDER BY family')).toEqual([
      { arn: arn('task-definition', 'batch:1'), family: 'batch', revision: 1, network_mode: 'host', pid_mode: 'host' },
      { arn: arn('task-definition', 'web:2'), family: 'web', revision: 2, network_mode: 'awsvpc', pid_mode: null },
    ]);
  });

  it('writes each container with privilege, user, root filesystem, log driver and variable names', async () => {
    const rows = await db.all(
      'SELECT task_definition_arn, name, privileged, "user", readonly_root_filesystem, log_driver, environment_names, secret_names FROM aws_ecs_container_definitions ORDER BY task_definition_arn, name',
    );
    expect(rows).toEqual([
      { task_definition_arn: arn('task-definition', 'batch:1'), name: 'sidecar', privileged: null, user: null, readonly_root_filesystem: null, log_driver: null, environment_names: [], secret_names: [] },
      { task_definition_arn: arn('task-definition', 'batch:1'), name: 'worker', privileged: true, user: null, readonly_root_filesystem: null, log_driver: null, environment_names: [], secret_names: [] },
      { task_definition_arn: arn('task-definition', 'web:2'), name: 'app', privileged: null, user: '1000', readonly_root_filesystem: true, log_driver: 'awslogs', environment_names: ['AWS_SECRET_ACCESS_KEY', 'STAGE'], secret_names: ['DB_PASSWORD'] },
    ]);
  });

  it('never stores an environment variable value', async () => {
    const raws = await db.all<{ raw: string }>('SELECT raw::VARCHAR AS raw FROM aws_ecs_task_definitions UNION ALL SELECT raw::VARCHAR FROM aws_ecs_container_definitions');
    expect(raws.length).toBeGreaterThan(0);
    for (const { raw } of raws) {
      expect(raw).not.toContain('wJalrXUtnFEMI');
      expect(raw).not.toContain('"prod"');
    }
    expect(raws.some((r) => r.raw.includes('AWS_SECRET_ACCESS_KEY'))).toBe(true);
  });
});
