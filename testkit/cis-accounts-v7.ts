/**
 * The data of the CIS 2.0–7.0 requirements in the two end-to-end accounts (docs/cis-data.md): the bad account
 * violates each one moto can express, the good account satisfies it wherever moto can express it. Called by
 * seedCisAccounts (cis-accounts.ts) after the CIS 3.0 estate exists.
 */
import { PutAlternateContactCommand, AccountClient } from '@aws-sdk/client-account';
import { APIGatewayClient, CreateDeploymentCommand, CreateRestApiCommand, GetResourcesCommand, PutIntegrationCommand, PutMethodCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, CreateApiCommand, CreateStageCommand } from '@aws-sdk/client-apigatewayv2';
import { CloudFrontClient, CreateDistributionCommand, type DistributionConfig } from '@aws-sdk/client-cloudfront';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateVpcEndpointCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateLoadBalancerCommand, ElasticLoadBalancingV2Client, ModifyLoadBalancerAttributesCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { AddRoleToInstanceProfileCommand, AttachUserPolicyCommand, CreateInstanceProfileCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateDBClusterCommand, CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateOrganizationCommand, EnableAWSServiceAccessCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { EnableMacieCommand, Macie2Client } from '@aws-sdk/client-macie2';
import { CreateSecretCommand, PutResourcePolicyCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateTopicCommand, SetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { motoClientConfig } from './moto.js';
import { lambdaZip } from './lambda-zip.js';

type Cfg = (account: string, region?: string) => ReturnType<typeof motoClientConfig>;
const all = { Version: '2012-10-17' } as const;
const policy = (...Statement: object[]) => JSON.stringify({ ...all, Statement });
const trust = (service: string) => policy({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });

/** The good account: a security contact, roles on instances, an S3 endpoint, Multi-AZ instance and cluster, logged front ends, private policies. */
export async function seedGoodV7(cfg: Cfg, a: string): Promise<void> {
  await new AccountClient(cfg(a)).send(
    new PutAlternateContactCommand({ AlternateContactType: 'SECURITY', Name: 'Security team', Title: 'SOC', EmailAddress: 'soc@example.com', PhoneNumber: '+1-555-0100' }),
  );
  // Macie on in every region. moto cannot serve it back (GetMacieSession answers timestamps the SDK rejects, and
  // reports a session ENABLED in every account even before EnableMacie), so 3.1.3 is an honest ERROR in both.
  for (const region of ['us-east-1', 'eu-west-1']) await new Macie2Client(cfg(a, region)).send(new EnableMacieCommand({ status: 'ENABLED' }));
  const iam = new IAMClient(cfg(a));
  await iam.send(new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: trust('ec2.amazonaws.com') }));
  await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'app' }));
  await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'app', RoleName: 'app' }));
  const fnRole = (await iam.send(new CreateRoleCommand({ RoleName: 'fn', AssumeRolePolicyDocument: trust('lambda.amazonaws.com') }))).Role!.Arn!;

  const ec2 = new EC2Client(cfg(a));
  const vpc = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs!.find((v) => v.IsDefault)!.VpcId!;
  // The instance runs with a role, in a VPC whose route tables reach S3 through a gateway endpoint.
  await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: 1, MaxCount: 1, IamInstanceProfile: { Name: 'app' }, MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' } }));
  const tables = (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] }))).RouteTables!.map((t) => t.RouteTableId!);
  await ec2.send(new CreateVpcEndpointCommand({ VpcId: vpc, ServiceName: 'com.amazonaws.us-east-1.s3', VpcEndpointType: 'Gateway', RouteTableIds: tables }));

  await auroraCluster(cfg, a, 'good-aurora', true, ['us-east-1a', 'us-east-1b']);

  const lb = await loadBalancer(cfg, a, 'good-web');
  await new ElasticLoadBalancingV2Client(cfg(a)).send(
    new ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: lb, Attributes: [{ Key: 'access_logs.s3.enabled', Value: 'true' }, { Key: 'access_logs.s3.bucket', Value: 'good-access-logs' }, { Key: 'access_logs.s3.prefix', Value: 'alb' }] }),
  );
  await distribution(cfg, a, 'good-web', { Enabled: true, IncludeCookies: false, Bucket: 'good-access-logs.s3.amazonaws.com', Prefix: 'cdn/' });
  const stage = await restApiStage(cfg, a, 'good-api');
  await new APIGatewayClient(cfg(a)).send(
    new UpdateStageCommand({
      restApiId: stage.api,
      stageName: 'prod',
      patchOperations: [
        { op: 'replace', path: '/accessLogSettings/destinationArn', value: `arn:aws:logs:us-east-1:${a}:log-group:api-access` },
        { op: 'replace', path: '/accessLogSettings/format', value: '$context.requestId $context.identity.sourceIp $context.status' },
      ],
    }),
  );
  await httpApiStage(cfg, a, 'good-http', `arn:aws:logs:us-east-1:${a}:log-group:api-access`);

  // Resource policies that name who may call: the account itself, or a service for one source.
  const root = { AWS: `arn:aws:iam::${a}:root` };
  await new SQSClient(cfg(a)).send(new CreateQueueCommand({ QueueName: 'soc', Attributes: { Policy: policy({ Effect: 'Allow', Principal: root, Action: 'sqs:SendMessage', Resource: `arn:aws:sqs:us-east-1:${a}:soc` }) } }));
  const fn = await lambdaFunction(cfg, a, 'good-fn', fnRole);
  await new LambdaClient(cfg(a)).send(new AddPermissionCommand({ FunctionName: fn, StatementId: 'events', Action: 'lambda:InvokeFunction', Principal: 'events.amazonaws.com', SourceArn: `arn:aws:events:us-east-1:${a}:rule/nightly` }));
  const sm = new SecretsManagerClient(cfg(a));
  const secret = (await sm.send(new CreateSecretCommand({ Name: 'good-db', SecretString: 'not-a-real-secret' }))).ARN!;
  await sm.send(new PutResourcePolicyCommand({ SecretId: secret, ResourcePolicy: policy({ Effect: 'Allow', Principal: root, Action: 'secretsmanager:GetSecretValue', Resource: '*' }) }));
}

/** The bad account: everything the CIS 2.0–7.0 data can show wrong, in an organization it manages. */
export async function seedBadV7(cfg: Cfg, a: string): Promise<void> {
  // A management account running workloads, without SCP guardrails or delegated administrators.
  // GuardDuty is integrated (trusted access) but run from the management account: no delegated administrator.
  const org = new OrganizationsClient(cfg(a));
  await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  await org.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'guardduty.amazonaws.com' }));
  await new IAMClient(cfg(a)).send(new AttachUserPolicyCommand({ UserName: 'bob', PolicyArn: 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess' }));
  const fnRole = (await new IAMClient(cfg(a)).send(new CreateRoleCommand({ RoleName: 'fn', AssumeRolePolicyDocument: trust('lambda.amazonaws.com') }))).Role!.Arn!;

  const ec2 = new EC2Client(cfg(a));
  const vpc = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs!.find((v) => v.IsDefault)!.VpcId!;
  const smb = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'open-smb', Description: 'file shares from anywhere', VpcId: vpc }))).GroupId!;
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: smb, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 445, ToPort: 445, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));

  // An Aurora cluster whose only instance sits in one zone: no failover target elsewhere.
  await auroraCluster(cfg, a, 'bad-aurora', false, ['us-east-1a']);

  // Front ends that keep no access logs (the load balancer says so explicitly, not by omission).
  const lb = await loadBalancer(cfg, a, 'bad-web');
  await new ElasticLoadBalancingV2Client(cfg(a)).send(new ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: lb, Attributes: [{ Key: 'access_logs.s3.enabled', Value: 'false' }] }));
  await distribution(cfg, a, 'bad-web', undefined);
  await restApiStage(cfg, a, 'bad-api');
  await httpApiStage(cfg, a, 'bad-http', undefined);

  // Resource policies open to Principal * with nothing narrowing the caller.
  const open = (action: string, resource: string) => policy({ Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: action, Resource: resource });
  await new SQSClient(cfg(a)).send(new CreateQueueCommand({ QueueName: 'inbox', Attributes: { Policy: open('sqs:SendMessage', `arn:aws:sqs:us-east-1:${a}:inbox`) } }));
  const fn = await lambdaFunction(cfg, a, 'bad-fn', fnRole);
  await new LambdaClient(cfg(a)).send(new AddPermissionCommand({ FunctionName: fn, StatementId: 'anyone', Action: 'lambda:InvokeFunction', Principal: '*' }));
  const keyPolicy = policy({ Sid: 'Owner', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${a}:root` }, Action: 'kms:*', Resource: '*' }, { Sid: 'Anyone', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*' });
  await new KMSClient(cfg(a)).send(new CreateKeyCommand({ Description: 'shared with the world', Policy: keyPolicy }));
  const sm = new SecretsManagerClient(cfg(a));
  const secret = (await sm.send(new CreateSecretCommand({ Name: 'bad-db', SecretString: 'not-a-real-secret' }))).ARN!;
  await sm.send(new PutResourcePolicyCommand({ SecretId: secret, ResourcePolicy: open('secretsmanager:GetSecretValue', '*') }));
  const sns = new SNSClient(cfg(a));
  const topic = (await sns.send(new CreateTopicCommand({ Name: 'broadcast' }))).TopicArn!;
  await sns.send(new SetTopicAttributesCommand({ TopicArn: topic, AttributeName: 'Policy', AttributeValue: open('sns:Publish', topic) }));
}

/** An Aurora PostgreSQL cluster with one private, auto-patched instance per zone given. */
async function auroraCluster(cfg: Cfg, a: string, name: string, encrypted: boolean, zones: string[]): Promise<void> {
  const rds = new RDSClient(cfg(a));
  await rds.send(new CreateDBClusterCommand({ DBClusterIdentifier: name, Engine: 'aurora-postgresql', MasterUsername: 'admin', MasterUserPassword: 'secret-password-1', StorageEncrypted: encrypted }));
  for (const [i, zone] of zones.entries()) {
    await rds.send(
      new CreateDBInstanceCommand({ DBInstanceIdentifier: `${name}-${i + 1}`, DBClusterIdentifier: name, Engine: 'aurora-postgresql', DBInstanceClass: 'db.r6g.large', AvailabilityZone: zone, PubliclyAccessible: false, AutoMinorVersionUpgrade: true }),
    );
  }
}

async function loadBalancer(cfg: Cfg, a: string, name: string): Promise<string> {
  const ec2 = new EC2Client(cfg(a));
  const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }))).Subnets!;
  const out = await new ElasticLoadBalancingV2Client(cfg(a)).send(new CreateLoadBalancerCommand({ Name: name, Type: 'application', Scheme: 'internet-facing', Subnets: subnets.slice(0, 2).map((s) => s.SubnetId!) }));
  return out.LoadBalancers![0]!.LoadBalancerArn!;
}

async function distribution(cfg: Cfg, a: string, name: string, logging: DistributionConfig['Logging']): Promise<void> {
  const origin = `${name}-origin.example.com`;
  await new CloudFrontClient(cfg(a)).send(
    new CreateDistributionCommand({
      DistributionConfig: {
        CallerReference: name,
        Comment: name,
        Enabled: true,
        Origins: { Quantity: 1, Items: [{ Id: 'web', DomainName: origin, CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only' } }] },
        DefaultCacheBehavior: { TargetOriginId: 'web', ViewerProtocolPolicy: 'redirect-to-https', MinTTL: 0, ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } } },
        ...(logging ? { Logging: logging } : {}),
      },
    }),
  );
}

/** A REST API with one mock method deployed to stage "prod"; returns its id. */
async function restApiStage(cfg: Cfg, a: string, name: string): Promise<{ api: string }> {
  const apigw = new APIGatewayClient(cfg(a));
  const api = (await apigw.send(new CreateRestApiCommand({ name }))).id!;
  const root = (await apigw.send(new GetResourcesCommand({ restApiId: api }))).items!.find((r) => r.path === '/')!.id!;
  await apigw.send(new PutMethodCommand({ restApiId: api, resourceId: root, httpMethod: 'GET', authorizationType: 'NONE' }));
  await apigw.send(new PutIntegrationCommand({ restApiId: api, resourceId: root, httpMethod: 'GET', type: 'MOCK' }));
  await apigw.send(new CreateDeploymentCommand({ restApiId: api, stageName: 'prod' }));
  return { api };
}

/** An HTTP API with a "live" stage, logging access to the log group given (or not at all). */
async function httpApiStage(cfg: Cfg, a: string, name: string, logGroupArn: string | undefined): Promise<void> {
  const v2 = new ApiGatewayV2Client(cfg(a));
  const api = (await v2.send(new CreateApiCommand({ Name: name, ProtocolType: 'HTTP' }))).ApiId!;
  const logs = logGroupArn ? { AccessLogSettings: { DestinationArn: logGroupArn, Format: '$context.requestId $context.status' } } : {};
  await v2.send(new CreateStageCommand({ ApiId: api, StageName: 'live', AutoDeploy: true, ...logs }));
}

async function lambdaFunction(cfg: Cfg, a: string, name: string, role: string): Promise<string> {
  const out = await new LambdaClient(cfg(a)).send(
    new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Role: role, Handler: 'index.handler', Code: { ZipFile: lambdaZip('exports.handler = async () => ({ ok: true });\n') } }),
  );
  return out.FunctionArn!;
}
