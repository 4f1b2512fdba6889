import { AccountClient, PutAlternateContactCommand } from '@aws-sdk/client-account';
import { ACMClient, RequestCertificateCommand } from '@aws-sdk/client-acm';
import { APIGatewayClient, CreateDeploymentCommand, CreateRestApiCommand, GetResourcesCommand, PutIntegrationCommand, PutMethodCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, CreateApiCommand, CreateStageCommand } from '@aws-sdk/client-apigatewayv2';
import { AthenaClient, CreateWorkGroupCommand } from '@aws-sdk/client-athena';
import { BackupClient, CreateBackupPlanCommand } from '@aws-sdk/client-backup';
import { CloudFrontClient, CreateDistributionCommand } from '@aws-sdk/client-cloudfront';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as ec2 from '@aws-sdk/client-ec2';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { CreateClusterCommand as CreateEcsCluster, CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { CreateAccessPointCommand, CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import { CreateClusterCommand as CreateEksCluster, EKSClient } from '@aws-sdk/client-eks';
import { CreateCacheClusterCommand, CreateReplicationGroupCommand, ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { CreateLoadBalancerCommand as CreateClassicLb, ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { CreateLoadBalancerCommand as CreateLbV2, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateDomainCommand, OpenSearchClient } from '@aws-sdk/client-opensearch';
import { CreateDBClusterCommand, CreateDBClusterSnapshotCommand, CreateDBInstanceCommand, CreateDBSnapshotCommand, RDSClient } from '@aws-sdk/client-rds';
import { CreateClusterCommand as CreateRedshiftCluster, RedshiftClient } from '@aws-sdk/client-redshift';
import { CreateHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';
import { CreateEndpointConfigCommand, CreateModelCommand, CreateNotebookInstanceCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateDocumentCommand, SSMClient } from '@aws-sdk/client-ssm';
import { CreateRuleGroupCommand, CreateWebACLCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { lambdaZip } from '../testkit/lambda-zip.js';
import { motoClientConfig, type Moto } from '../testkit/moto.js';
import { each } from './support.js';

/*
 * A few of every kind the FSBP collectors read, created the way test/sync/<service>/ and the contract suite create
 * them in moto 5.2.1. Not seeded, because moto cannot serve them to the sync (docs/fsbp.md "moto gaps"): MSK
 * clusters (moto writes creation times the SDK refuses), Backup vaults (no GetBackupVaultAccessPolicy nor
 * ListRecoveryPointsByBackupVault), DMS replication instances and tasks (dates the SDK refuses), Elastic Beanstalk
 * environments (no DescribeConfigurationSettings), Macie sessions (after EnableMacie moto answers
 * GetMacieSession with dates the SDK refuses), CodeBuild report groups, Network Firewall policies and rule
 * groups, IAM Access Analyzer analyzers and Client VPN endpoints (not implemented), Kinesis streams (its seeding client needs HTTP/1.1 forced). Not seeded because they need
 * more than a call or two to be meaningful: CloudTrail trails, Config recorders, Organizations, DAX.
 */

type Step = (name: string, fn: () => Promise<unknown>) => Promise<void>;
const account = '123456789012';
const lambdaRole = `arn:aws:iam::${account}:role/bench-lambda`;
const sagemakerRole = `arn:aws:iam::${account}:role/bench-sagemaker`;
const password = 'Bench-password-1';

/** Account-wide kinds: CloudFront distributions, Route 53 zones, the security contact, and the role Lambda needs. */
export async function seedGlobalServices(moto: Moto, scale: number): Promise<void> {
  const cfg = motoClientConfig(moto);
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  await new IAMClient(cfg).send(new CreateRoleCommand({ RoleName: 'bench-lambda', AssumeRolePolicyDocument: trust }));
  const cf = new CloudFrontClient(cfg);
  await each(3, scale, 3, (i) => cf.send(new CreateDistributionCommand({
    DistributionConfig: {
      CallerReference: `bench-${i}`, Comment: `bench-${i}`, Enabled: true,
      Origins: { Quantity: 1, Items: [{ Id: 'web', DomainName: `bench-${i}.example.com`, CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only' } }] },
      DefaultCacheBehavior: { TargetOriginId: 'web', ViewerProtocolPolicy: i % 2 ? 'allow-all' : 'redirect-to-https', MinTTL: 0, ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } } },
    },
  })));
  const r53 = new Route53Client(cfg);
  await each(3, scale, 3, (i) => r53.send(new CreateHostedZoneCommand({ Name: `bench-${i}.example.com`, CallerReference: `bench-${i}` })));
  await new AccountClient(cfg).send(new PutAlternateContactCommand({ AlternateContactType: 'SECURITY', Name: 'Security team', Title: 'SOC', EmailAddress: 'soc@example.com', PhoneNumber: '+1-555-0100' }));
}

/** One region's kinds, a step per service so a slow moto service shows in the seeding times. */
export async function seedRegionalServices(moto: Moto, region: string, scale: number, step: Step): Promise<void> {
  const cfg = motoClientConfig(moto, region);
  const n = (k: number, fn: (i: number) => Promise<unknown>) => each(k, scale, 4, fn);
  const s = (name: string, fn: () => Promise<unknown>) => step(`${region} ${name}`, fn);
  const ec = new ec2.EC2Client(cfg);
  const vpc = (await ec.send(new ec2.DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs![0]!.VpcId!;
  const subnets = (await ec.send(new ec2.DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }))).Subnets!.map((x) => x.SubnetId!);
  const defaultGroup = (await ec.send(new ec2.DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }, { Name: 'vpc-id', Values: [vpc] }] }))).SecurityGroups![0]!.GroupId!;

  await s('ec2 launch templates, snapshots, eips, transit gateways, vpn, vpc endpoints', async () => {
    await n(3, (i) => ec.send(new ec2.CreateLaunchTemplateCommand({ LaunchTemplateName: `bench-${i}`, LaunchTemplateData: { InstanceType: 't3.micro', MetadataOptions: { HttpTokens: i % 2 ? 'optional' : 'required' } } })));
    const volume = (await ec.send(new ec2.CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 1 }))).VolumeId;
    await n(3, (i) => ec.send(new ec2.CreateSnapshotCommand({ VolumeId: volume, Description: `bench-${i}` })));
    await n(3, () => ec.send(new ec2.AllocateAddressCommand({ Domain: 'vpc' })));
    await n(2, (i) => ec.send(new ec2.CreateTransitGatewayCommand({ Description: `bench-${i}` })));
    const cgw = (await ec.send(new ec2.CreateCustomerGatewayCommand({ Type: 'ipsec.1', BgpAsn: 65000, IpAddress: '203.0.113.10' }))).CustomerGateway!.CustomerGatewayId!;
    const vgw = (await ec.send(new ec2.CreateVpnGatewayCommand({ Type: 'ipsec.1' }))).VpnGateway!.VpnGatewayId!;
    await n(2, () => ec.send(new ec2.CreateVpnConnectionCommand({ Type: 'ipsec.1', CustomerGatewayId: cgw, VpnGatewayId: vgw })));
    const tables = (await ec.send(new ec2.DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] }))).RouteTables!.map((t) => t.RouteTableId!);
    await ec.send(new ec2.CreateVpcEndpointCommand({ VpcId: vpc, ServiceName: `com.amazonaws.${region}.s3`, VpcEndpointType: 'Gateway', RouteTableIds: tables }));
    await ec.send(new ec2.CreateVpcEndpointCommand({ VpcId: vpc, ServiceName: `com.amazonaws.${region}.kms`, VpcEndpointType: 'Interface' }));
  });
  await s('rds instances, clusters, snapshots', async () => {
    const rds = new RDSClient(cfg);
    await n(2, (i) => rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: `bench-${i}`, Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'bench', MasterUserPassword: password, PubliclyAccessible: i % 2 === 1 })));
    await n(2, (i) => rds.send(new CreateDBClusterCommand({ DBClusterIdentifier: `bench-${i}`, Engine: 'aurora-postgresql', MasterUsername: 'bench', MasterUserPassword: password, StorageEncrypted: i % 2 === 0 })));
    await n(2, (i) => rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'bench-0', DBSnapshotIdentifier: `bench-${i}` })));
    await n(2, (i) => rds.send(new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: 'bench-0', DBClusterSnapshotIdentifier: `bench-${i}` })));
  });
  await s('efs file systems, access points', async () => {
    const efs = new EFSClient(cfg);
    const ids: string[] = [];
    await n(2, async (i) => ids.push((await efs.send(new CreateFileSystemCommand({ CreationToken: `bench-${i}`, Encrypted: i % 2 === 0 }))).FileSystemId!));
    await n(2, (i) => efs.send(new CreateAccessPointCommand({ FileSystemId: ids[0], ClientToken: `bench-${i}` })));
  });
  await s('guardduty, security hub', async () => {
    await new GuardDutyClient(cfg).send(new CreateDetectorCommand({ Enable: true, Features: [{ Name: 'S3_DATA_EVENTS', Status: 'ENABLED' }, { Name: 'RDS_LOGIN_EVENTS', Status: 'DISABLED' }] }));
    await new SecurityHubClient(cfg).send(new EnableSecurityHubCommand({}));
  });
  await s('lambda', () => {
    const lambda = new LambdaClient(cfg);
    const code = { ZipFile: lambdaZip('exports.handler = async () => ({ ok: true });\n') };
    return n(3, (i) => lambda.send(new CreateFunctionCommand({ FunctionName: `bench-${i}`, Runtime: i % 2 ? 'nodejs16.x' : 'nodejs20.x', Role: lambdaRole, Handler: 'index.handler', Code: code })));
  });
  await s('elb, elbv2', async () => {
    const elb = new ElasticLoadBalancingClient(cfg);
    await n(3, (i) => elb.send(new CreateClassicLb({
      LoadBalancerName: `bench-${i}`, AvailabilityZones: [`${region}a`], SecurityGroups: [defaultGroup],
      Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 80 }],
    })));
    const v2 = new ElasticLoadBalancingV2Client(cfg);
    await n(3, (i) => v2.send(new CreateLbV2({ Name: `bench-${i}`, Type: 'application', Scheme: 'internet-facing', Subnets: subnets.slice(0, 2), SecurityGroups: [defaultGroup] })));
  });
  await s('dynamodb, secrets, acm, ecr, sqs, kms, athena, cognito, ssm, backup plans, alarms', async () => {
    const ddb = new DynamoDBClient(cfg);
    await n(3, (i) => ddb.send(new CreateTableCommand({ TableName: `bench-${i}`, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }] })));
    await n(3, (i) => new SecretsManagerClient(cfg).send(new CreateSecretCommand({ Name: `bench-${i}`, SecretString: 'not-a-real-secret' })));
    await n(3, (i) => new ACMClient(cfg).send(new RequestCertificateCommand({ DomainName: `bench-${i}.example.com` })));
    await n(3, (i) => new ECRClient(cfg).send(new CreateRepositoryCommand({ repositoryName: `bench-${i}`, imageTagMutability: i % 2 ? 'MUTABLE' : 'IMMUTABLE' })));
    await n(3, (i) => new SQSClient(cfg).send(new CreateQueueCommand({ QueueName: `bench-${i}` })));
    await n(3, (i) => new KMSClient(cfg).send(new CreateKeyCommand({ Description: `bench-${i}` })));
    await n(3, (i) => new AthenaClient(cfg).send(new CreateWorkGroupCommand({ Name: `bench-${i}` })));
    await n(3, (i) => new CognitoIdentityProviderClient(cfg).send(new CreateUserPoolCommand({ PoolName: `bench-${i}` })));
    const doc = JSON.stringify({ schemaVersion: '2.2', description: 'bench', mainSteps: [{ action: 'aws:runShellScript', name: 'run', inputs: { runCommand: ['true'] } }] });
    await n(3, (i) => new SSMClient(cfg).send(new CreateDocumentCommand({ Name: `bench-${i}`, DocumentType: 'Command', Content: doc })));
    await n(3, (i) => new BackupClient(cfg).send(new CreateBackupPlanCommand({ BackupPlan: { BackupPlanName: `bench-${i}`, Rules: [{ RuleName: 'daily', TargetBackupVaultName: 'Default', ScheduleExpression: 'cron(0 5 ? * * *)' }] } })));
    await n(3, (i) => new CloudWatchClient(cfg).send(new PutMetricAlarmCommand({
      AlarmName: `bench-${i}`, MetricName: 'm', Namespace: 'bench', Statistic: 'Sum', Period: 300, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    })));
  });
  await s('ecs clusters, task definitions, services; eks', async () => {
    const ecs = new ECSClient(cfg);
    await n(3, async (i) => {
      await ecs.send(new CreateEcsCluster({ clusterName: `bench-${i}` }));
      await ecs.send(new RegisterTaskDefinitionCommand({ family: `bench-${i}`, containerDefinitions: [{ name: 'app', image: 'busybox', memory: 64, privileged: i % 2 === 1 }] }));
      await ecs.send(new CreateServiceCommand({ cluster: `bench-${i}`, serviceName: `bench-${i}`, taskDefinition: `bench-${i}`, desiredCount: 0 }));
    });
    await n(2, (i) => new EKSClient(cfg).send(new CreateEksCluster({ name: `bench-${i}`, roleArn: `arn:aws:iam::${account}:role/bench-eks`, resourcesVpcConfig: {} })));
  });
  await s('opensearch, redshift, elasticache', async () => {
    await n(2, (i) => new OpenSearchClient(cfg).send(new CreateDomainCommand({ DomainName: `bench-${i}` })));
    await n(2, (i) => new RedshiftClient(cfg).send(new CreateRedshiftCluster({ ClusterIdentifier: `bench-${i}`, NodeType: 'dc2.large', ClusterType: 'single-node', MasterUsername: 'bench', MasterUserPassword: password })));
    const ec2Cache = new ElastiCacheClient(cfg);
    await n(2, (i) => ec2Cache.send(new CreateReplicationGroupCommand({ ReplicationGroupId: `bench-${i}`, ReplicationGroupDescription: 'bench', Engine: 'redis', CacheNodeType: 'cache.t3.micro', NumCacheClusters: 1 })));
    await n(2, (i) => ec2Cache.send(new CreateCacheClusterCommand({ CacheClusterId: `bench-mc-${i}`, Engine: 'memcached', CacheNodeType: 'cache.t3.micro', NumCacheNodes: 1 })));
  });
  await s('sagemaker, wafv2, api gateway v1 and v2', async () => {
    const sm = new SageMakerClient(cfg);
    await n(2, (i) => sm.send(new CreateNotebookInstanceCommand({ NotebookInstanceName: `bench-${i}`, InstanceType: 'ml.t3.medium', RoleArn: sagemakerRole, RootAccess: i % 2 ? 'Enabled' : 'Disabled' })));
    await n(2, async (i) => {
      await sm.send(new CreateModelCommand({ ModelName: `bench-${i}`, ExecutionRoleArn: sagemakerRole, PrimaryContainer: { Image: `${account}.dkr.ecr.${region}.amazonaws.com/bench:latest` } }));
      await sm.send(new CreateEndpointConfigCommand({ EndpointConfigName: `bench-${i}`, ProductionVariants: [{ VariantName: 'main', ModelName: `bench-${i}`, InitialInstanceCount: 1, InstanceType: 'ml.m5.large' }] }));
    });
    const waf = new WAFV2Client(cfg);
    const visibility = (i: number) => ({ CloudWatchMetricsEnabled: true, MetricName: `bench-${i}`, SampledRequestsEnabled: false });
    await n(2, (i) => waf.send(new CreateWebACLCommand({ Name: `bench-${i}`, Scope: 'REGIONAL', DefaultAction: { Allow: {} }, VisibilityConfig: visibility(i) })));
    await n(2, (i) => waf.send(new CreateRuleGroupCommand({ Name: `bench-${i}`, Scope: 'REGIONAL', Capacity: 10, VisibilityConfig: visibility(i) })));
    const v1 = new APIGatewayClient(cfg);
    await n(2, async (i) => {
      const api = (await v1.send(new CreateRestApiCommand({ name: `bench-${i}` }))).id!;
      const root = (await v1.send(new GetResourcesCommand({ restApiId: api }))).items!.find((r) => r.path === '/')!.id!;
      await v1.send(new PutMethodCommand({ restApiId: api, resourceId: root, httpMethod: 'GET', authorizationType: 'NONE' }));
      await v1.send(new PutIntegrationCommand({ restApiId: api, resourceId: root, httpMethod: 'GET', type: 'MOCK' }));
      await v1.send(new CreateDeploymentCommand({ restApiId: api, stageName: 'prod' }));
    });
    const v2 = new ApiGatewayV2Client(cfg);
    await n(2, async (i) => {
      const api = (await v2.send(new CreateApiCommand({ Name: `bench-${i}`, ProtocolType: 'HTTP' }))).ApiId!;
      await v2.send(new CreateStageCommand({ ApiId: api, StageName: 'live', AutoDeploy: true }));
    });
  });
}
