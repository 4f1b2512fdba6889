import { CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import {
  AuthorizeSecurityGroupIngressCommand, CreateInternetGatewayCommand, CreateNetworkAclEntryCommand, CreateNetworkAclCommand,
  CreateRouteCommand, CreateRouteTableCommand, CreateSecurityGroupCommand, CreateSubnetCommand, CreateTagsCommand, CreateVpcCommand,
  AssociateRouteTableCommand, AttachInternetGatewayCommand, EC2Client, RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  AddUserToGroupCommand, AttachGroupPolicyCommand, AttachUserPolicyCommand, CreateAccessKeyCommand, CreateAccountAliasCommand,
  CreateGroupCommand, CreateInstanceProfileCommand, AddRoleToInstanceProfileCommand, CreateLoginProfileCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand, IAMClient, UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateKeyCommand, CreateAliasCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateDBInstanceCommand, CreateDBSubnetGroupCommand, RDSClient } from '@aws-sdk/client-rds';
import {
  CreateBucketCommand, PutBucketEncryptionCommand, PutBucketPolicyCommand, PutBucketVersioningCommand, PutPublicAccessBlockCommand,
  PutBucketTaggingCommand, S3Client,
} from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateLogGroupCommand, CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { seedAcmeServices } from './seed-services.js';

export interface SeedTarget {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

const home = 'us-east-1';

/**
 * A small production account of the fictional "Acme" shop, configured the way many real ones are: a custom
 * VPC with a public web tier and a private, encrypted Postgres; a bastion open to the world on SSH; assets in
 * S3 with a policy that does not require HTTPS; a weak password policy, a user without MFA, a CI user with a
 * directly attached admin policy; a KMS key without rotation; no CloudTrail, no AWS Config, no alarms, no
 * Security Hub, no flow logs, EBS encryption by default off; a bastion without an instance role, a single-AZ
 * reporting database. Its web front ends and serverless pieces are in seed-services.ts. eu-west-1 is enabled but
 * unused (defaults only).
 */
export async function seedAcmeProduction(t: SeedTarget): Promise<void> {
  const cfg = (region = home) => ({ region, endpoint: t.endpoint, credentials: t.credentials, forcePathStyle: true });
  const iam = new IAMClient(cfg());
  const ec2 = new EC2Client(cfg());
  const s3 = new S3Client(cfg());
  const rds = new RDSClient(cfg());
  const kms = new KMSClient(cfg());

  // IAM: people, CI, and a policy that grants everything.
  await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'acme-prod' }));
  await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, RequireNumbers: true, RequireUppercaseCharacters: true, AllowUsersToChangePassword: true }));
  await iam.send(new CreateGroupCommand({ GroupName: 'platform-admins' }));
  const adminPolicy = await iam.send(new CreatePolicyCommand({
    PolicyName: 'acme-break-glass',
    Description: 'Full access for emergencies',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
  }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'platform-admins', PolicyArn: adminPolicy.Policy!.Arn! }));
  const readOnly = await iam.send(new CreatePolicyCommand({
    PolicyName: 'acme-deploy',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject', 'ecs:UpdateService'], Resource: '*' }] }),
  }));
  for (const user of ['alice.nguyen', 'bob.martin', 'ci-deploy']) await iam.send(new CreateUserCommand({ UserName: user, Tags: [{ Key: 'team', Value: user === 'ci-deploy' ? 'platform' : 'web' }] }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'platform-admins', UserName: 'alice.nguyen' }));
  for (const user of ['alice.nguyen', 'bob.martin']) await iam.send(new CreateLoginProfileCommand({ UserName: user, Password: 'Initial-Passw0rd!', PasswordResetRequired: true }));
  const mfa = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice.nguyen' }));
  await iam.send(new EnableMFADeviceCommand({ UserName: 'alice.nguyen', SerialNumber: mfa.VirtualMFADevice!.SerialNumber!, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'bob.martin' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'ci-deploy' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'ci-deploy' }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'ci-deploy', PolicyArn: readOnly.Policy!.Arn! }));
  await iam.send(new CreateRoleCommand({
    RoleName: 'acme-web-instance',
    AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  }));

  // Network: a custom VPC with a public web subnet and two private database subnets.
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }))).Vpc!.VpcId!;
  await ec2.send(new CreateTagsCommand({ Resources: [vpc], Tags: [{ Key: 'Name', Value: 'acme-prod' }] }));
  const subnet = async (cidr: string, az: string, name: string) => {
    const id = (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: cidr, AvailabilityZone: az }))).Subnet!.SubnetId!;
    await ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'Name', Value: name }] }));
    return id;
  };
  const publicA = await subnet('10.20.0.0/24', 'us-east-1a', 'acme-prod-public-a');
  const publicB = await subnet('10.20.1.0/24', 'us-east-1b', 'acme-prod-public-b');
  const privateA = await subnet('10.20.10.0/24', 'us-east-1a', 'acme-prod-private-a');
  const privateB = await subnet('10.20.11.0/24', 'us-east-1b', 'acme-prod-private-b');
  const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
  await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
  const rt = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpc }))).RouteTable!.RouteTableId!;
  await ec2.send(new CreateRouteCommand({ RouteTableId: rt, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }));
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: rt, SubnetId: publicA }));
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: rt, SubnetId: publicB }));

  // A network ACL for the public subnet that someone opened for RDP "temporarily".
  const nacl = (await ec2.send(new CreateNetworkAclCommand({ VpcId: vpc }))).NetworkAcl!.NetworkAclId!;
  await ec2.send(new CreateNetworkAclEntryCommand({ NetworkAclId: nacl, RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 443, To: 443 } }));
  await ec2.send(new CreateNetworkAclEntryCommand({ NetworkAclId: nacl, RuleNumber: 110, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 3389, To: 3389 } }));

  const sg = async (name: string, description: string) => (await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: description, VpcId: vpc }))).GroupId!;
  const web = await sg('acme-web', 'Web tier behind the load balancer');
  const bastion = await sg('acme-bastion', 'SSH bastion');
  const db = await sg('acme-db', 'Postgres, from the web tier only');
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: web, IpPermissions: [
    { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'HTTPS' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
    { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'HTTP redirect' }] },
  ] }));
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: bastion, IpPermissions: [
    { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'SSH from anywhere (TODO: office IP)' }] },
  ] }));
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: db, IpPermissions: [
    { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: web }] },
  ] }));

  // Instances: two web servers (one still allows IMDSv1) and the bastion.
  // The web servers run with the acme-web-instance role; the bastion was launched by hand without one.
  await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'acme-web-instance' }));
  await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'acme-web-instance', RoleName: 'acme-web-instance' }));
  const run = async (name: string, groups: string[], tokens: 'optional' | 'required', type: 't3.small' | 't3.micro' = 't3.small') => {
    await ec2.send(new RunInstancesCommand({
      ImageId: 'ami-0abcdef1234567890', InstanceType: type, MinCount: 1, MaxCount: 1, SubnetId: publicA, SecurityGroupIds: groups,
      ...(name.startsWith('acme-web') ? { IamInstanceProfile: { Name: 'acme-web-instance' } } : {}),
      MetadataOptions: { HttpTokens: tokens, HttpEndpoint: 'enabled' },
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }, { Key: 'env', Value: 'prod' }] }],
    }));
  };
  await run('acme-web-1', [web], 'required');
  await run('acme-web-2', [web], 'optional');
  await run('acme-bastion', [bastion], 'optional', 't3.micro');

  // KMS: the data key, without rotation.
  const key = (await kms.send(new CreateKeyCommand({ Description: 'acme-prod application data' }))).KeyMetadata!.KeyId!;
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/acme-prod-data', TargetKeyId: key }));
  const logsKey = (await kms.send(new CreateKeyCommand({ Description: 'acme-prod logs' }))).KeyMetadata!.KeyId!;
  await kms.send(new EnableKeyRotationCommand({ KeyId: logsKey }));

  // RDS: a private, encrypted Postgres in the database subnets.
  await rds.send(new CreateDBSubnetGroupCommand({ DBSubnetGroupName: 'acme-prod-db', DBSubnetGroupDescription: 'private subnets', SubnetIds: [privateA, privateB] }));
  await rds.send(new CreateDBInstanceCommand({
    DBInstanceIdentifier: 'acme-prod-postgres', DBInstanceClass: 'db.t3.medium', Engine: 'postgres', EngineVersion: '15.4', AllocatedStorage: 100,
    MasterUsername: 'acme', MasterUserPassword: 'not-a-real-password-1', StorageEncrypted: true, KmsKeyId: key, PubliclyAccessible: false,
    AutoMinorVersionUpgrade: true, DBSubnetGroupName: 'acme-prod-db', VpcSecurityGroupIds: [db], MultiAZ: true, BackupRetentionPeriod: 7,
  }));
  // A reporting database somebody created for the BI team, in one zone to save money.
  await rds.send(new CreateDBInstanceCommand({
    DBInstanceIdentifier: 'acme-prod-reporting', DBInstanceClass: 'db.t3.small', Engine: 'mysql', EngineVersion: '8.0.35', AllocatedStorage: 50,
    MasterUsername: 'reporting', MasterUserPassword: 'not-a-real-password-2', StorageEncrypted: true, KmsKeyId: key, PubliclyAccessible: false,
    AutoMinorVersionUpgrade: true, DBSubnetGroupName: 'acme-prod-db', VpcSecurityGroupIds: [db], MultiAZ: false, BackupRetentionPeriod: 1,
  }));

  // EFS: shared uploads, encrypted.
  await new EFSClient(cfg()).send(new CreateFileSystemCommand({ CreationToken: 'acme-uploads', Encrypted: true, Tags: [{ Key: 'Name', Value: 'acme-uploads' }] }));

  // S3: assets with a policy that allows plain HTTP, logs done right, backups versioned but not public-blocked.
  const bucket = async (name: string) => {
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    await s3.send(new PutBucketEncryptionCommand({ Bucket: name, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }));
    await s3.send(new PutBucketTaggingCommand({ Bucket: name, Tagging: { TagSet: [{ Key: 'env', Value: 'prod' }] } }));
  };
  await bucket('acme-prod-web-assets');
  await s3.send(new PutBucketPolicyCommand({ Bucket: 'acme-prod-web-assets', Policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'CloudFrontRead', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2EXAMPLE' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-prod-web-assets/*' }],
  }) }));
  await bucket('acme-prod-logs');
  await s3.send(new PutPublicAccessBlockCommand({ Bucket: 'acme-prod-logs', PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: 'acme-prod-logs', Policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::acme-prod-logs', 'arn:aws:s3:::acme-prod-logs/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
  }) }));
  await bucket('acme-prod-backups');
  await s3.send(new PutBucketVersioningCommand({ Bucket: 'acme-prod-backups', VersioningConfiguration: { Status: 'Enabled' } }));

  // Someone made an SNS topic and a log group for alerts, then never wired alarms to them.
  await new SNSClient(cfg()).send(new CreateTopicCommand({ Name: 'acme-ops-alerts' }));
  await new CloudWatchLogsClient(cfg()).send(new CreateLogGroupCommand({ logGroupName: '/acme/prod/app' }));

  await seedAcmeServices({ cfg, vpc, routeTable: rt, publicSubnets: [publicA, publicB], webGroup: web });
}
