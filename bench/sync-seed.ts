import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, CreateVolumeCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateLogGroupCommand, CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { AutoScalingClient, CreateAutoScalingGroupCommand, CreateLaunchConfigurationCommand } from '@aws-sdk/client-auto-scaling';
import { CodeBuildClient, CreateProjectCommand } from '@aws-sdk/client-codebuild';
import { CreateEndpointCommand, DatabaseMigrationServiceClient } from '@aws-sdk/client-database-migration-service';
import { EMRClient, RunJobFlowCommand } from '@aws-sdk/client-emr';
import { CreateFirewallCommand, NetworkFirewallClient } from '@aws-sdk/client-network-firewall';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { motoClientConfig, type Moto } from '../testkit/moto.js';
import { seedGlobalServices, seedRegionalServices } from './sync-seed-fsbp.js';
import { each, timed } from './support.js';

/** What one seeding step took, so a slow moto service shows in the bench's output. */
export interface SeedStep {
  step: string;
  ms: number;
}

/**
 * bench:sync's estate in moto: the CIS-era bulk (IAM users, buckets, security groups, volumes, instances, log groups,
 * topics: hundreds each, so rows per call and insert rates show), then a few of every other kind the sync collects
 * (sync-seed-fsbp.ts: small counts, more than one per kind, so per-item calls and pages show without making moto
 * the bench's bottleneck). `scale` multiplies every count.
 */
export async function seedEstate(moto: Moto, regions: readonly string[], scale: number): Promise<SeedStep[]> {
  const steps: SeedStep[] = [];
  const step = async (name: string, fn: () => Promise<unknown>) => {
    try {
      const t = await timed(fn);
      steps.push({ step: name, ms: t.ms });
    } catch (cause) {
      throw new Error(`bench:sync could not seed ${name} in moto: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
  };
  await step('iam users', () => each(300, scale, 8, (i) => new IAMClient(motoClientConfig(moto)).send(new CreateUserCommand({ UserName: `bench-user-${i}` }))));
  await step('s3 buckets', () => each(100, scale, 8, (i) => new S3Client(motoClientConfig(moto)).send(new CreateBucketCommand({ Bucket: `calabi-bench-${i}` }))));
  await step('global services (cloudfront, route53, account)', () => seedGlobalServices(moto, scale));
  for (const region of regions) {
    const ec2 = new EC2Client(motoClientConfig(moto, region));
    await step(`${region} ec2 security groups, volumes, instances`, async () => {
      await each(300, scale, 8, async (i) => {
        const sg = await ec2.send(new CreateSecurityGroupCommand({ GroupName: `bench-sg-${i}`, Description: 'bench' }));
        await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: sg.GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }));
      });
      await each(200, scale, 8, () => ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 8 })));
      await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: Math.round(50 * scale), MaxCount: Math.round(50 * scale), InstanceType: 't3.micro' }));
    });
    await step(`${region} logs, sns`, async () => {
      const logs = new CloudWatchLogsClient(motoClientConfig(moto, region));
      await each(100, scale, 8, (i) => logs.send(new CreateLogGroupCommand({ logGroupName: `/bench/${i}` })));
      const sns = new SNSClient(motoClientConfig(moto, region));
      await each(100, scale, 8, (i) => sns.send(new CreateTopicCommand({ Name: `bench-${i}` })));
    });
    await step(`${region} codebuild, autoscaling, sfn, dms, emr, network firewall`, () => seedListServices(moto, region, scale));
    await seedRegionalServices(moto, region, scale, step);
  }
  return steps;
}

/**
 * The services whose list call answers everything (CodeBuild projects, Auto Scaling groups and launch
 * configurations, Step Functions state machines, DMS endpoints, EMR clusters and Network Firewall firewalls), in the
 * dozens, so their pages show. Kinesis is not seeded: its client speaks HTTP/2, which moto_server does not; moto
 * has no DMS instances the SDK can read nor Network Firewall policies (docs/fsbp.md).
 */
async function seedListServices(moto: Moto, region: string, scale: number): Promise<void> {
  const cfg = motoClientConfig(moto, region);
  const codebuild = new CodeBuildClient(cfg);
  await each(50, scale, 8, (i) => codebuild.send(new CreateProjectCommand({
    name: `bench-${i}`, source: { type: 'S3', location: 'bench-source/src.zip' }, artifacts: { type: 'NO_ARTIFACTS' },
    environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' }, serviceRole: 'arn:aws:iam::123456789012:role/bench',
  })));
  const as = new AutoScalingClient(cfg);
  await each(50, scale, 8, async (i) => {
    await as.send(new CreateLaunchConfigurationCommand({ LaunchConfigurationName: `bench-${i}`, ImageId: 'ami-12c6146b', InstanceType: 't3.micro' }));
    await as.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: `bench-${i}`, LaunchConfigurationName: `bench-${i}`, MinSize: 0, MaxSize: 1, AvailabilityZones: [`${region}a`] }));
  });
  const sfn = new SFNClient(cfg);
  await each(50, scale, 8, (i) => sfn.send(new CreateStateMachineCommand({
    name: `bench-${i}`, roleArn: 'arn:aws:iam::123456789012:role/bench', definition: '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}',
  })));
  const dms = new DatabaseMigrationServiceClient(cfg);
  await each(50, scale, 8, (i) => dms.send(new CreateEndpointCommand({
    EndpointIdentifier: `bench-${i}`, EndpointType: 'source', EngineName: 'mysql', ServerName: 'db.example.com', Port: 3306, Username: 'u', Password: 'p',
  })));
  const emr = new EMRClient(cfg);
  await each(10, scale, 4, (i) => emr.send(new RunJobFlowCommand({
    Name: `bench-${i}`, ReleaseLabel: 'emr-7.2.0', JobFlowRole: 'EMR_EC2_DefaultRole', ServiceRole: 'EMR_DefaultRole',
    Instances: { KeepJobFlowAliveWhenNoSteps: true, MasterInstanceType: 'm5.xlarge', InstanceCount: 1 },
  })));
  const nfw = new NetworkFirewallClient(cfg);
  await each(20, scale, 8, (i) => nfw.send(new CreateFirewallCommand({
    FirewallName: `bench-${i}`, FirewallPolicyArn: `arn:aws:network-firewall:${region}:123456789012:firewall-policy/bench`, VpcId: 'vpc-1', SubnetMappings: [{ SubnetId: 'subnet-1' }],
  })));
}
