/**
 * The two accounts of the CIS end-to-end test, seeded through the real SDK into moto_server: one configured
 * badly, one as CIS asks wherever moto can express it. Shared by test/e2e and scripts/accuracy (which runs
 * Prowler against the same accounts), so both judge exactly the same estate.
 */
import { CloudTrailClient, CreateTrailCommand, PutEventSelectorsCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, PutMetricFilterCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ConfigServiceClient, PutConfigurationRecorderCommand, PutDeliveryChannelCommand, StartConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateFlowLogsCommand,
  CreateSecurityGroupCommand,
  DeleteNetworkAclEntryCommand,
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcsCommand,
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  IAMClient,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { CreateBucketCommand, PutBucketAclCommand, PutBucketLoggingCommand, PutBucketPolicyCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { PutPublicAccessBlockCommand as PutAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { seedBadV7, seedGoodV7 } from './cis-accounts-v7.js';
import { motoClientConfig, type Moto } from './moto.js';

export const BAD = '111111111111';
export const GOOD = '222222222222';
export const regions = ['us-east-1', 'eu-west-1'];
const all = { Version: '2012-10-17' } as const;

type Cfg = (account: string, region?: string) => ReturnType<typeof motoClientConfig>;
export type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken: string };

// The CIS v3.0 4.x patterns as the benchmark prints them (spacing and quoting vary on purpose).
export const monitoring: Array<[string, string]> = [
  ['4.1', '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }'],
  ['4.2', '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'],
  ['4.3', '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }'],
  ['4.4', '{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}'],
  ['4.5', '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }'],
  ['4.6', '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }'],
  ['4.7', '{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }'],
  ['4.8', '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }'],
  ['4.9', '{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel) ||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }'],
  ['4.10', '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }'],
  ['4.11', '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }'],
  ['4.12', '{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }'],
  ['4.13', '{($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }'],
  ['4.14', '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }'],
  ['4.15', '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }'],
];

function denyHttp(bucket: string) {
  return JSON.stringify({
    ...all,
    Statement: [{ Sid: 'DenyPlainHttp', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
  });
}
const blockAll = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

async function assumeInto(moto: Moto, account: string): Promise<Creds> {
  const out = await new STSClient(motoClientConfig(moto)).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/calabi`, RoleSessionName: 'seed' }));
  const c = out.Credentials!;
  return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
}

async function seedGood(moto: Moto, cfg: Cfg): Promise<void> {
  const a = GOOD;
  const iam = new IAMClient(cfg(a));
  await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 14, PasswordReusePrevention: 24, RequireSymbols: true, RequireNumbers: true }));
  await iam.send(new CreateGroupCommand({ GroupName: 'engineers' }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'engineers', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  await iam.send(new CreateUserCommand({ UserName: 'alice' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'engineers', UserName: 'alice' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'correct-Horse-battery-9' }));
  const mfa = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice' }));
  await iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: mfa.VirtualMFADevice!.SerialNumber, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }));
  const trust = { ...all, Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${a}:root` }, Action: 'sts:AssumeRole' }] };
  await iam.send(new CreateRoleCommand({ RoleName: 'support', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'support', PolicyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess' }));

  // S3: every bucket denies plain HTTP and blocks public access; the trail bucket logs to the access-log bucket.
  const s3 = new S3Client(cfg(a));
  const buckets = ['good-access-logs', 'good-trail-logs'];
  for (const bucket of buckets) await step(`CreateBucket ${bucket}`, () => s3.send(new CreateBucketCommand({ Bucket: bucket })));
  // Logging first: moto's PutBucketLogging answers 500 once the target bucket has a policy.
  const logDelivery = 'uri="http://acs.amazonaws.com/groups/s3/LogDelivery"';
  await step('PutBucketAcl', () => s3.send(new PutBucketAclCommand({ Bucket: 'good-access-logs', GrantWrite: logDelivery, GrantReadACP: logDelivery })));
  await step('PutBucketLogging', () =>
    s3.send(new PutBucketLoggingCommand({ Bucket: 'good-trail-logs', BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'good-access-logs', TargetPrefix: 'trail/' } } })),
  );
  for (const bucket of buckets) {
    await step(`PutBucketPolicy ${bucket}`, () => s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: denyHttp(bucket) })));
    await step(`PutPublicAccessBlock ${bucket}`, () => s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: blockAll })));
  }
  const s3control = new S3ControlClient({ ...cfg(a), endpointProvider: () => ({ url: new URL(moto.endpoint) }) });
  await s3control.send(new PutAccountPublicAccessBlockCommand({ AccountId: a, PublicAccessBlockConfiguration: blockAll }));

  // The monitoring chain: key, log group, multi-region logging trail with validation and data events, filters,
  // alarms, and a topic somebody subscribed to.
  const kms = new KMSClient(cfg(a));
  const key = (await kms.send(new CreateKeyCommand({ Description: 'trail' }))).KeyMetadata!;
  await kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId }));
  const logs = new CloudWatchLogsClient(cfg(a));
  await logs.send(new CreateLogGroupCommand({ logGroupName: 'cloudtrail/all' }));
  const trail = new CloudTrailClient(cfg(a));
  await trail.send(
    new CreateTrailCommand({
      Name: 'everything',
      S3BucketName: 'good-trail-logs',
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      KmsKeyId: key.Arn,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${a}:log-group:cloudtrail/all:*`,
      CloudWatchLogsRoleArn: `arn:aws:iam::${a}:role/cloudtrail-to-logs`,
    }),
  );
  await trail.send(new StartLoggingCommand({ Name: 'everything' }));
  await trail.send(
    new PutEventSelectorsCommand({
      TrailName: 'everything',
      EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }],
    }),
  );
  const topic = (await new SNSClient(cfg(a)).send(new CreateTopicCommand({ Name: 'security-alerts' }))).TopicArn!;
  await new SNSClient(cfg(a)).send(new SubscribeCommand({ TopicArn: topic, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:${a}:soc` }));
  const cw = new CloudWatchClient(cfg(a));
  for (const [id, pattern] of monitoring) {
    const metric = `cis_${id.replace('.', '_')}`;
    await logs.send(new PutMetricFilterCommand({ logGroupName: 'cloudtrail/all', filterName: metric, filterPattern: pattern, metricTransformations: [{ metricName: metric, metricNamespace: 'CISBenchmark', metricValue: '1' }] }));
    await cw.send(new PutMetricAlarmCommand({ AlarmName: metric, MetricName: metric, Namespace: 'CISBenchmark', Statistic: 'Sum', Period: 300, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: [topic] }));
  }

  await new RDSClient(cfg(a)).send(
    new CreateDBInstanceCommand({ DBInstanceIdentifier: 'orders', Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'admin', MasterUserPassword: 'secret-password-1', StorageEncrypted: true, AutoMinorVersionUpgrade: true, PubliclyAccessible: false, MultiAZ: true }),
  );
  await new EFSClient(cfg(a)).send(new CreateFileSystemCommand({ CreationToken: 'shared', Encrypted: true }));
  // The good account's instance (IMDSv2 only, with a role) is launched by seedGoodV7, once its instance profile exists.

  for (const region of regions) {
    const ec2 = new EC2Client(cfg(a, region));
    await ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
    // The default security group must allow nothing, the default NACL must not admit 0.0.0.0/0, VPCs log flows.
    for (const sg of (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }))).SecurityGroups ?? []) {
      if (sg.IpPermissions?.length) await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: sg.GroupId, IpPermissions: sg.IpPermissions }));
      if (sg.IpPermissionsEgress?.length) await ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: sg.GroupId, IpPermissions: sg.IpPermissionsEgress }));
    }
    for (const acl of (await ec2.send(new DescribeNetworkAclsCommand({}))).NetworkAcls ?? []) {
      for (const e of acl.Entries ?? []) {
        if (!e.Egress && e.RuleAction === 'allow') await ec2.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: acl.NetworkAclId, RuleNumber: e.RuleNumber, Egress: false }));
      }
    }
    const vpcs = ((await ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? []).map((v) => v.VpcId!);
    await new CloudWatchLogsClient(cfg(a, region)).send(new CreateLogGroupCommand({ logGroupName: 'vpc-flow' }));
    await ec2.send(new CreateFlowLogsCommand({ ResourceIds: vpcs, ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs', LogGroupName: 'vpc-flow', DeliverLogsPermissionArn: `arn:aws:iam::${a}:role/flow-logs` }));

    const config = new ConfigServiceClient(cfg(a, region));
    await config.send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: { name: 'default', roleARN: `arn:aws:iam::${a}:role/config`, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } } }));
    await config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: 'good-trail-logs', s3KeyPrefix: 'config' } }));
    await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
    await new SecurityHubClient(cfg(a, region)).send(new EnableSecurityHubCommand({}));
  }
}

async function seedBad(cfg: Cfg): Promise<void> {
  const a = BAD;
  const iam = new IAMClient(cfg(a));
  await iam.send(new CreateUserCommand({ UserName: 'bob' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'bob', Password: 'Password-without-mfa-1' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'bob' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'bob' }));
  const admin = await iam.send(new CreatePolicyCommand({ PolicyName: 'everything', PolicyDocument: JSON.stringify({ ...all, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'bob', PolicyArn: admin.Policy!.Arn }));

  const s3 = new S3Client(cfg(a));
  await s3.send(new CreateBucketCommand({ Bucket: 'bad-open-data' }));
  await s3.send(new CreateBucketCommand({ Bucket: 'bad-trail-logs' }));
  await new CloudTrailClient(cfg(a)).send(new CreateTrailCommand({ Name: 'one-region', S3BucketName: 'bad-trail-logs' }));
  await new CloudTrailClient(cfg(a)).send(new StartLoggingCommand({ Name: 'one-region' }));
  await new KMSClient(cfg(a)).send(new CreateKeyCommand({ Description: 'never rotated' }));

  await new RDSClient(cfg(a)).send(
    new CreateDBInstanceCommand({ DBInstanceIdentifier: 'legacy', Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'admin', MasterUserPassword: 'secret-password-1', StorageEncrypted: false, AutoMinorVersionUpgrade: false, PubliclyAccessible: true }),
  );
  await new EFSClient(cfg(a)).send(new CreateFileSystemCommand({ CreationToken: 'plain', Encrypted: false }));
  const ec2 = new EC2Client(cfg(a));
  await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: 1, MaxCount: 1, MetadataOptions: { HttpTokens: 'optional' } }));
  const vpc = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs!.find((v) => v.IsDefault)!.VpcId!;
  const sg = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'open-admin', Description: 'ssh and rdp from anywhere', VpcId: vpc }))).GroupId!;
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: sg,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        { IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
      ],
    }),
  );
}

/** Names the seeding call that failed: moto answers some faults with an HTML page the SDK cannot parse. */
async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    const raw = (cause as { $response?: { statusCode?: number; body?: unknown } }).$response;
    throw new Error(`seeding ${what} failed (HTTP ${raw?.statusCode ?? '?'}): ${(cause as Error).message}`, { cause });
  }
}

/**
 * Seeds the two accounts into a running moto_server (started with MOTO_IAM_LOAD_MANAGED_POLICIES=true) and
 * returns the credentials of a session in each, assumed through the `calabi` role as a sync would.
 */
export async function seedCisAccounts(moto: Moto): Promise<Record<string, Creds>> {
  const creds: Record<string, Creds> = { [GOOD]: await assumeInto(moto, GOOD), [BAD]: await assumeInto(moto, BAD) };
  const cfg: Cfg = (account, region = 'us-east-1') => motoClientConfig(moto, region, creds[account]);
  await step('the good account', () => seedGood(moto, cfg));
  await step('the bad account', () => seedBad(cfg));
  await step('the good account (CIS 2.0–7.0 data)', () => seedGoodV7(cfg, GOOD));
  await step('the bad account (CIS 2.0–7.0 data)', () => seedBadV7(cfg, BAD));
  return creds;
}

