import { ACMClient, RequestCertificateCommand } from '@aws-sdk/client-acm';
import { ACMPCAClient, CreateCertificateAuthorityCommand } from '@aws-sdk/client-acm-pca';
import { ApplicationAutoScalingClient, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import { AppSyncClient, CreateGraphqlApiCommand } from '@aws-sdk/client-appsync';
import { AthenaClient, CreateWorkGroupCommand } from '@aws-sdk/client-athena';
import { AutoScalingClient, CreateAutoScalingGroupCommand, CreateLaunchConfigurationCommand } from '@aws-sdk/client-auto-scaling';
import { BackupClient, CreateBackupPlanCommand } from '@aws-sdk/client-backup';
import { CodeBuildClient, CreateProjectCommand } from '@aws-sdk/client-codebuild';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateEndpointCommand, DatabaseMigrationServiceClient } from '@aws-sdk/client-database-migration-service';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AllocateAddressCommand, CreateImageCommand, CreateLaunchTemplateCommand, CreateSecurityGroupCommand, CreateSnapshotCommand, CreateTransitGatewayCommand, CreateVolumeCommand, DescribeSecurityGroupsCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { CreateEventBusCommand, EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { CreateDeliveryStreamCommand, FirehoseClient } from '@aws-sdk/client-firehose';
import { CreateFileSystemCommand as CreateFsxFileSystemCommand, FSxClient } from '@aws-sdk/client-fsx';
import { CreateClusterCommand as CreateEcsClusterCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { CreateAccessPointCommand, CreateFileSystemCommand, DescribeFileSystemsCommand, EFSClient } from '@aws-sdk/client-efs';
import { EMRClient, RunJobFlowCommand } from '@aws-sdk/client-emr';
import { CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CreateClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { CreateCacheClusterCommand, CreateReplicationGroupCommand, ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { CreateLoadBalancerCommand, ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { CreateGroupCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateFirewallCommand, NetworkFirewallClient } from '@aws-sdk/client-network-firewall';
import { CreateDomainCommand, OpenSearchClient } from '@aws-sdk/client-opensearch';
import { CreateDBClusterCommand, CreateDBClusterSnapshotCommand, CreateDBInstanceCommand, CreateDBSnapshotCommand, CreateEventSubscriptionCommand, RDSClient } from '@aws-sdk/client-rds';
import { CreateClusterCommand as CreateRedshiftClusterCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { CreateHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateEndpointConfigCommand, CreateModelCommand, CreateNotebookInstanceCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateDocumentCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { CreateRuleGroupCommand, CreateWebACLCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import type { motoClientConfig } from '../../support/moto.js';
import type { CannedPages, Operation } from './harness.js';

type ClientConfig = ReturnType<typeof motoClientConfig>;

/**
 * One row per registered collector (a test fails when a collector has none): what the shared contract needs
 * to know about it. Only `service` and `collector` are required; a collector without `seed` still runs the
 * AccessDenied and stale-scope contracts. moto (5.2) ignores the page size of the list calls marked `canned`.
 */
export interface ContractEntry {
  service: string;
  collector: string;
  /** Creates the i-th item (names unique per i) with admin credentials in us-east-1. */
  seed?: {
    table: string;
    /** Counts only the rows this seed makes, where another entry's seed also adds rows to the table (why, in a comment). */
    where?: string;
    create: (cfg: ClientConfig, i: number) => Promise<unknown>;
  };
  /**
   * The list call and its page-size parameter: two more items mean at least two more calls. `canned` where moto
   * answers the whole list whatever the page size (the test then cuts moto's answer into pages; say so).
   */
  paginate?: { op: Operation; param: string; canned?: CannedPages };
  /** Calls made once per item because the list call does not return that data (why, in a comment). */
  perItem?: readonly Operation[];
  /** A fact row written when the service is not set up (the moto account starts with nothing set up). */
  notConfigured?: { table: string; where: string };
}

const name = (i: number) => `contract-${i}`;
let imageSource: string | undefined;
let snapshotSource: string | undefined;
const wafVisibility = (i: number) => ({ CloudWatchMetricsEnabled: true, MetricName: name(i), SampledRequestsEnabled: false });
const sagemakerRole = 'arn:aws:iam::123456789012:role/contract-sagemaker';
const sagemakerImage = '123456789012.dkr.ecr.us-east-1.amazonaws.com/contract:latest';

export const entries: readonly ContractEntry[] = [
  {
    service: 'iam', collector: 'authorization-details',
    seed: { table: 'aws_iam_groups', create: (cfg, i) => new IAMClient(cfg).send(new CreateGroupCommand({ GroupName: name(i) })) },
    // moto answers GetAccountAuthorizationDetails whole, and its four lists make a canned split unclear: not paged here.
  },
  { service: 'iam', collector: 'access-keys' },
  { service: 'iam', collector: 'credential-report' },
  { service: 'iam', collector: 'account-summary' },
  { service: 'iam', collector: 'password-policy', notConfigured: { table: 'aws_iam_password_policies', where: 'configured = false' } },
  { service: 'iam', collector: 'virtual-mfa-devices' },
  { service: 'iam', collector: 'server-certificates' },
  { service: 'iam', collector: 'saml-providers' },
  { service: 'iam', collector: 'policy-entities' },
  {
    service: 's3', collector: 'buckets',
    seed: { table: 'aws_s3_buckets', create: (cfg, i) => new S3Client(cfg).send(new CreateBucketCommand({ Bucket: name(i) })) },
    // ListBuckets names the buckets; each setting has its own per-bucket call in S3's API.
    perItem: ['S3:GetBucketLocation', 'S3:GetBucketPolicy', 'S3:GetBucketVersioning', 'S3:GetPublicAccessBlock', 'S3:GetBucketLogging', 'S3:GetBucketEncryption', 'S3:GetBucketAcl'],
  },
  {
    service: 's3', collector: 'account-public-access-block',
    notConfigured: { table: 'aws_s3_account_public_access_blocks', where: 'configured = false' },
  },
  // The per-bucket settings collectors read the buckets the 'buckets' entry seeds (a seed of their own would add
  // buckets to every S3 table). Each setting has its own per-bucket call in S3's API, with no list or batch form;
  // GetBucketLocation only where ListBuckets does not name the region (moto never does, AWS does).
  { service: 's3', collector: 'bucket-replication', perItem: ['S3:GetBucketLocation', 'S3:GetBucketReplication'] },
  { service: 's3', collector: 'bucket-lifecycle', perItem: ['S3:GetBucketLocation', 'S3:GetBucketLifecycleConfiguration'] },
  { service: 's3', collector: 'bucket-notifications', perItem: ['S3:GetBucketLocation', 'S3:GetBucketNotificationConfiguration'] },
  { service: 's3', collector: 'bucket-ownership-controls', perItem: ['S3:GetBucketLocation', 'S3:GetBucketOwnershipControls'] },
  { service: 's3', collector: 'bucket-object-lock', perItem: ['S3:GetBucketLocation', 'S3:GetObjectLockConfiguration'] },
  // ListAccessPoints does not return an access point's Block Public Access settings; GetAccessPoint does. Not seeded:
  // an access point needs a bucket, which would count in the 'buckets' entry's table.
  { service: 's3', collector: 'access-points', perItem: ['S3Control:GetAccessPoint'] },
  {
    service: 'ec2', collector: 'instances',
  },
  {
    service: 'ec2', collector: 'volumes',
    seed: { table: 'aws_ec2_volumes', create: (cfg) => new EC2Client(cfg).send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1 })) },
    paginate: { op: 'EC2:DescribeVolumes', param: 'MaxResults', canned: { items: 'Volumes', inputToken: 'NextToken', outputToken: 'NextToken' } },
  },
  {
    service: 'ec2', collector: 'security-groups',
    seed: { table: 'aws_ec2_security_groups', create: (cfg, i) => new EC2Client(cfg).send(new CreateSecurityGroupCommand({ GroupName: name(i), Description: 'contract' })) },
    paginate: { op: 'EC2:DescribeSecurityGroups', param: 'MaxResults', canned: { items: 'SecurityGroups', inputToken: 'NextToken', outputToken: 'NextToken' } },
  },
  { service: 'ec2', collector: 'security-group-rules' },
  { service: 'ec2', collector: 'managed-prefix-lists' },
  { service: 'ec2', collector: 'network-acls' },
  { service: 'ec2', collector: 'vpcs' },
  { service: 'ec2', collector: 'subnets' },
  { service: 'ec2', collector: 'route-tables' },
  { service: 'ec2', collector: 'vpc-peering-connections' },
  { service: 'ec2', collector: 'network-interfaces' },
  { service: 'ec2', collector: 'flow-logs' },
  { service: 'ec2', collector: 'ebs-encryption-defaults', notConfigured: { table: 'aws_ec2_ebs_encryption_defaults', where: 'enabled = false' } },
  { service: 'ec2', collector: 'vpc-endpoints' },
  {
    // One volume (created with the first item) for every snapshot, so that volumes grow only by their own seed.
    service: 'ec2', collector: 'snapshots',
    seed: {
      table: 'aws_ec2_snapshots',
      // moto snapshots the volume of each AMI the images entry creates: count only the snapshots this seed makes.
      where: "description LIKE 'contract-%'",
      create: async (cfg, i) => {
        const ec2 = new EC2Client(cfg);
        if (i === 0) snapshotSource = (await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1 }))).VolumeId;
        return ec2.send(new CreateSnapshotCommand({ VolumeId: snapshotSource, Description: name(i) }));
      },
    },
    // Not paged here: moto ignores MaxResults and answers the hundreds of snapshots of its bundled AMIs with every
    // call, so canned pages of one would cost thousands of calls. The paginator follows NextToken (AWS pages).
  },
  {
    // DescribeAddresses is not paged by AWS: one call answers every address.
    service: 'ec2', collector: 'elastic-ips',
    seed: { table: 'aws_ec2_elastic_ips', create: (cfg) => new EC2Client(cfg).send(new AllocateAddressCommand({ Domain: 'vpc' })) },
  },
  {
    service: 'ec2', collector: 'transit-gateways',
    seed: { table: 'aws_ec2_transit_gateways', create: (cfg, i) => new EC2Client(cfg).send(new CreateTransitGatewayCommand({ Description: name(i) })) },
    // Canned pages: moto answers DescribeTransitGateways whole (no NextToken) whatever MaxResults says.
    paginate: { op: 'EC2:DescribeTransitGateways', param: 'MaxResults', canned: { items: 'TransitGateways', inputToken: 'NextToken', outputToken: 'NextToken' } },
  },
  {
    // One instance (launched with the first item) for every AMI, so each item adds exactly one image. Not paged here:
    // moto ignores MaxResults; the paginator follows NextToken (AWS pages DescribeImages).
    service: 'ec2', collector: 'images',
    seed: {
      table: 'aws_ec2_images',
      create: async (cfg, i) => {
        const ec2 = new EC2Client(cfg);
        if (i === 0) imageSource = (await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', MinCount: 1, MaxCount: 1, InstanceType: 't3.micro' }))).Instances?.[0]?.InstanceId;
        return ec2.send(new CreateImageCommand({ InstanceId: imageSource, Name: name(i) }));
      },
    },
  },
  // DescribeVpnConnections is not paged by AWS; a connection needs two gateways first: not seeded here (test/sync/ec2 does).
  { service: 'ec2', collector: 'vpn-connections' },
  // moto 5.2.1 implements neither CreateClientVpnEndpoint nor DescribeClientVpnEndpoints (test/sync/clientvpn cans
  // the list): no seed, so only the refusal contract runs.
  { service: 'clientvpn', collector: 'endpoints' },
  {
    service: 'ec2', collector: 'launch-templates',
    seed: {
      table: 'aws_ec2_launch_templates',
      create: (cfg, i) => new EC2Client(cfg).send(new CreateLaunchTemplateCommand({ LaunchTemplateName: name(i), LaunchTemplateData: { InstanceType: 't3.micro' } })),
    },
    // moto cuts DescribeLaunchTemplateVersions at MaxResults but sends no NextToken: pages are canned from its whole answer.
    paginate: { op: 'EC2:DescribeLaunchTemplateVersions', param: 'MaxResults', canned: { items: 'LaunchTemplateVersions', inputToken: 'NextToken', outputToken: 'NextToken' } },
  },
  {
    service: 'rds', collector: 'db-instances',
    seed: {
      table: 'aws_rds_db_instances',
      create: (cfg, i) => new RDSClient(cfg).send(new CreateDBInstanceCommand({
        DBInstanceIdentifier: name(i), Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'contract', MasterUserPassword: 'contract-password',
      })),
    },
    paginate: { op: 'RDS:DescribeDBInstances', param: 'MaxRecords', canned: { items: 'DBInstances', inputToken: 'Marker', outputToken: 'Marker' } },
  },
  { service: 'rds', collector: 'db-clusters' },
  // One DescribeDBParameters per parameter group the instances use (the seeded instances share moto's default group).
  { service: 'rds', collector: 'db-parameter-groups' },
  {
    // One source instance (created with the first item) for every snapshot, so each item adds exactly one manual snapshot.
    service: 'rds', collector: 'db-snapshots',
    seed: {
      table: 'aws_rds_db_snapshots',
      // The db-instances seed adds instances, and moto an automated snapshot of each: count the manual ones.
      where: "snapshot_type = 'manual'",
      create: async (cfg, i) => {
        const rds = new RDSClient(cfg);
        if (i === 0) {
          await rds.send(new CreateDBInstanceCommand({
            DBInstanceIdentifier: 'contract-snapshot-source', Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'contract', MasterUserPassword: 'contract-password',
          }));
        }
        return rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'contract-snapshot-source', DBSnapshotIdentifier: name(i) }));
      },
    },
    paginate: { op: 'RDS:DescribeDBSnapshots', param: 'MaxRecords', canned: { items: 'DBSnapshots', inputToken: 'Marker', outputToken: 'Marker' } },
    // DescribeDBSnapshots has no sharing: who may restore a manual snapshot is only in its attributes.
    perItem: ['RDS:DescribeDBSnapshotAttributes'],
  },
  {
    service: 'rds', collector: 'db-cluster-snapshots',
    seed: {
      table: 'aws_rds_db_cluster_snapshots',
      create: async (cfg, i) => {
        const rds = new RDSClient(cfg);
        if (i === 0) {
          await rds.send(new CreateDBClusterCommand({ DBClusterIdentifier: 'contract-snapshot-source', Engine: 'aurora-postgresql', MasterUsername: 'contract', MasterUserPassword: 'contract-password' }));
        }
        return rds.send(new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: 'contract-snapshot-source', DBClusterSnapshotIdentifier: name(i) }));
      },
    },
    paginate: { op: 'RDS:DescribeDBClusterSnapshots', param: 'MaxRecords', canned: { items: 'DBClusterSnapshots', inputToken: 'Marker', outputToken: 'Marker' } },
    // DescribeDBClusterSnapshots has no sharing: who may restore a manual snapshot is only in its attributes.
    perItem: ['RDS:DescribeDBClusterSnapshotAttributes'],
  },
  {
    service: 'rds', collector: 'event-subscriptions',
    seed: {
      table: 'aws_rds_event_subscriptions',
      // moto does not check that the topic exists.
      create: (cfg, i) => new RDSClient(cfg).send(new CreateEventSubscriptionCommand({
        SubscriptionName: name(i), SnsTopicArn: 'arn:aws:sns:us-east-1:123456789012:contract-rds-events', SourceType: 'db-instance', Enabled: true,
      })),
    },
    // moto accepts MaxRecords but answers every subscription in one page: canned.
    paginate: { op: 'RDS:DescribeEventSubscriptions', param: 'MaxRecords', canned: { items: 'EventSubscriptionsList', inputToken: 'Marker', outputToken: 'Marker' } },
  },
  {
    service: 'efs', collector: 'file-systems',
    seed: { table: 'aws_efs_file_systems', create: (cfg, i) => new EFSClient(cfg).send(new CreateFileSystemCommand({ CreationToken: name(i) })) },
    // Automatic backups are only in DescribeBackupPolicy: one call per file system.
    perItem: ['EFS:DescribeBackupPolicy'],
    paginate: { op: 'EFS:DescribeFileSystems', param: 'MaxItems' },
  },
  {
    service: 'efs', collector: 'access-points',
    seed: {
      table: 'aws_efs_access_points',
      // One file system (created with the first item) for every access point, so that file systems grow only by their own seed.
      create: async (cfg, i) => {
        const efs = new EFSClient(cfg);
        if (i === 0) await efs.send(new CreateFileSystemCommand({ CreationToken: 'contract-access-points' }));
        const { FileSystems } = await efs.send(new DescribeFileSystemsCommand({ CreationToken: 'contract-access-points' }));
        return efs.send(new CreateAccessPointCommand({ FileSystemId: FileSystems![0]!.FileSystemId, ClientToken: name(i) }));
      },
    },
    // moto ignores DescribeAccessPoints' MaxResults (answers all, no token): pages are canned from its answer.
    paginate: { op: 'EFS:DescribeAccessPoints', param: 'MaxResults', canned: { items: 'AccessPoints', inputToken: 'NextToken', outputToken: 'NextToken' } },
  },
  { service: 'cloudtrail', collector: 'trails' },
  { service: 'config', collector: 'recorders' },
  { service: 'config', collector: 'delivery-channels' },
  {
    service: 'kms', collector: 'keys',
    seed: { table: 'aws_kms_keys', create: (cfg, i) => new KMSClient(cfg).send(new CreateKeyCommand({ Description: name(i) })) },
    paginate: { op: 'KMS:ListKeys', param: 'Limit', canned: { items: 'Keys', inputToken: 'Marker', outputToken: 'NextMarker' } },
    // ListKeys answers key ids only: state, spec and rotation are per key in KMS's API.
    perItem: ['KMS:DescribeKey', 'KMS:GetKeyRotationStatus'],
  },
  // The key policy is one call per key: no list call returns policies.
  { service: 'kms', collector: 'key-policies', perItem: ['KMS:GetKeyPolicy'] },
  {
    service: 'logs', collector: 'log-groups',
    seed: { table: 'aws_logs_log_groups', create: (cfg, i) => new CloudWatchLogsClient(cfg).send(new CreateLogGroupCommand({ logGroupName: name(i) })) },
    paginate: { op: 'CloudWatchLogs:DescribeLogGroups', param: 'limit' },
  },
  { service: 'logs', collector: 'metric-filters' },
  {
    service: 'cloudwatch', collector: 'alarms',
    seed: {
      table: 'aws_cloudwatch_alarms',
      create: (cfg, i) => new CloudWatchClient(cfg).send(new PutMetricAlarmCommand({
        AlarmName: name(i), MetricName: 'm', Namespace: 'contract', Statistic: 'Sum', Period: 300, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      })),
    },
    paginate: { op: 'CloudWatch:DescribeAlarms', param: 'MaxRecords', canned: { items: 'MetricAlarms', inputToken: 'NextToken', outputToken: 'NextToken' } },
  },
  {
    service: 'sns', collector: 'topics',
    seed: { table: 'aws_sns_topics', create: (cfg, i) => new SNSClient(cfg).send(new CreateTopicCommand({ Name: name(i) })) },
    // ListTopics answers ARNs only (and takes no page size); policy and encryption are per topic.
    perItem: ['SNS:GetTopicAttributes'],
  },
  { service: 'sns', collector: 'subscriptions' },
  { service: 'accessanalyzer', collector: 'analyzers' },
  { service: 'securityhub', collector: 'hubs', notConfigured: { table: 'aws_securityhub_hubs', where: 'enabled = false' } },
  { service: 'account', collector: 'alternate-contacts', notConfigured: { table: 'aws_account_alternate_contacts', where: 'configured = false' } },
  { service: 'account', collector: 'contact-information' },
  { service: 'apigateway', collector: 'rest-api-stages' },
  { service: 'apigateway', collector: 'rest-api-authorizers' },
  { service: 'apigateway', collector: 'v2-stages' },
  { service: 'apigateway', collector: 'v2-routes' },
  { service: 'cloudfront', collector: 'distributions' },
  { service: 'elbv2', collector: 'load-balancers' },
  { service: 'elbv2', collector: 'listeners' },
  // Not seeded: when moto enforces IAM its signature check refuses GetPolicy by function ARN (a URL-encoded
  // path) even for the admin, so every function would carry a moto-made item error.
  { service: 'lambda', collector: 'functions' },
  // Not seeded: moto 5.2.1 does not implement ListFunctionUrlConfigs (test/sync/lambda cans it).
  { service: 'lambda', collector: 'function-urls' },
  { service: 'macie', collector: 'sessions' },
  { service: 'organizations', collector: 'structure' },
  { service: 'organizations', collector: 'policies' },
  { service: 'organizations', collector: 'delegated-administrators' },
  { service: 'organizations', collector: 'resource-policy' },
  { service: 'organizations', collector: 'iam-features' },
  {
    service: 'secretsmanager', collector: 'secrets',
    seed: { table: 'aws_secretsmanager_secrets', create: (cfg, i) => new SecretsManagerClient(cfg).send(new CreateSecretCommand({ Name: name(i), SecretString: 'x' })) },
    paginate: { op: 'SecretsManager:ListSecrets', param: 'MaxResults' },
    // ListSecrets carries no resource policy.
    perItem: ['SecretsManager:GetResourcePolicy'],
  },
  {
    service: 'sqs', collector: 'queues',
    seed: { table: 'aws_sqs_queues', create: (cfg, i) => new SQSClient(cfg).send(new CreateQueueCommand({ QueueName: name(i) })) },
    paginate: { op: 'SQS:ListQueues', param: 'MaxResults', canned: { items: 'QueueUrls', inputToken: 'NextToken', outputToken: 'NextToken' } },
    // ListQueues answers URLs only.
    perItem: ['SQS:GetQueueAttributes'],
  },
  { service: 'guardduty', collector: 'detectors' },
  // Not seeded: moto 5.2.1 does not implement GetFindingsStatistics (test/sync/guardduty cans it).
  { service: 'guardduty', collector: 'finding-counts' },
  {
    service: 'dynamodb', collector: 'tables',
    seed: {
      table: 'aws_dynamodb_tables',
      create: (cfg, i) => new DynamoDBClient(cfg).send(new CreateTableCommand({
        TableName: name(i), BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }],
      })),
    },
    paginate: { op: 'DynamoDB:ListTables', param: 'Limit' },
    // ListTables answers names only; backups and tags are their own calls.
    perItem: ['DynamoDB:DescribeTable', 'DynamoDB:DescribeContinuousBackups', 'DynamoDB:ListTagsOfResource'],
  },
  { service: 'dax', collector: 'clusters' },
  {
    service: 'ecr', collector: 'repositories',
    seed: { table: 'aws_ecr_repositories', create: (cfg, i) => new ECRClient(cfg).send(new CreateRepositoryCommand({ repositoryName: name(i) })) },
    paginate: { op: 'ECR:DescribeRepositories', param: 'maxResults', canned: { items: 'repositories', inputToken: 'nextToken', outputToken: 'nextToken' } },
    // A lifecycle policy is per repository in ECR's API.
    perItem: ['ECR:GetLifecyclePolicy'],
  },
  {
    service: 'acm', collector: 'certificates',
    seed: { table: 'aws_acm_certificates', create: (cfg, i) => new ACMClient(cfg).send(new RequestCertificateCommand({ DomainName: `${name(i)}.example.com` })) },
    paginate: { op: 'ACM:ListCertificates', param: 'MaxItems', canned: { items: 'CertificateSummaryList', inputToken: 'NextToken', outputToken: 'NextToken' } },
  },
  {
    service: 'ssm', collector: 'documents',
    seed: {
      table: 'aws_ssm_documents',
      create: (cfg, i) => new SSMClient(cfg).send(new CreateDocumentCommand({
        Name: name(i), DocumentType: 'Command', Content: JSON.stringify({ schemaVersion: '2.2', description: 'contract', mainSteps: [{ action: 'aws:runShellScript', name: 'run', inputs: { runCommand: ['true'] } }] }),
      })),
    },
    paginate: { op: 'SSM:ListDocuments', param: 'MaxResults' },
    // Who a document is shared with is per document.
    perItem: ['SSM:DescribeDocumentPermission'],
  },
  // moto 5.2.1 implements neither DescribeInstanceInformation nor ListResourceComplianceSummaries (test/sync/ssm
  // cans both): no seed, so the contract checks the refusal only.
  { service: 'ssm', collector: 'managed-instances' },
  { service: 'ssm', collector: 'compliance-summaries' },
  {
    service: 'ssm', collector: 'parameters',
    seed: { table: 'aws_ssm_parameters', create: (cfg, i) => new SSMClient(cfg).send(new PutParameterCommand({ Name: `/contract/${name(i)}`, Value: 'contract-value', Type: 'SecureString' })) },
    // moto answers DescribeParameters in pages of 10 whatever MaxResults asks: canned.
    paginate: { op: 'SSM:DescribeParameters', param: 'MaxResults', canned: { items: 'Parameters', inputToken: 'NextToken', outputToken: 'NextToken' } },
  },
  {
    service: 'eks', collector: 'clusters',
    seed: {
      table: 'aws_eks_clusters',
      create: (cfg, i) => new EKSClient(cfg).send(new CreateClusterCommand({ name: name(i), roleArn: 'arn:aws:iam::123456789012:role/contract-eks', resourcesVpcConfig: {} })),
    },
    paginate: { op: 'EKS:ListClusters', param: 'maxResults' },
    // ListClusters answers names only.
    perItem: ['EKS:DescribeCluster'],
  },
  {
    service: 'ecs', collector: 'clusters',
    seed: { table: 'aws_ecs_clusters', create: (cfg, i) => new ECSClient(cfg).send(new CreateEcsClusterCommand({ clusterName: name(i) })) },
    paginate: { op: 'ECS:ListClusters', param: 'maxResults', canned: { items: 'clusterArns', inputToken: 'nextToken', outputToken: 'nextToken' } },
  },
  // Services live in clusters and ECS has no region-wide service list: one ListServices per cluster.
  { service: 'ecs', collector: 'services', perItem: ['ECS:ListServices'] },
  {
    service: 'ecs', collector: 'task-definitions',
    seed: {
      table: 'aws_ecs_task_definitions',
      create: (cfg, i) => new ECSClient(cfg).send(new RegisterTaskDefinitionCommand({ family: name(i), containerDefinitions: [{ name: 'app', image: 'busybox', memory: 64 }] })),
    },
    paginate: { op: 'ECS:ListTaskDefinitionFamilies', param: 'maxResults', canned: { items: 'families', inputToken: 'nextToken', outputToken: 'nextToken' } },
    // ECS has no batch describe for task definitions: one call per family (its latest active revision).
    perItem: ['ECS:DescribeTaskDefinition'],
  },
  {
    service: 'elb', collector: 'load-balancers',
    seed: {
      table: 'aws_elb_load_balancers',
      // An existing security group: without one moto makes a new group per load balancer, which the EC2 entry counts.
      create: async (cfg, i) => {
        const groups = await new EC2Client(cfg).send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }));
        return new ElasticLoadBalancingClient(cfg).send(new CreateLoadBalancerCommand({
          LoadBalancerName: name(i), AvailabilityZones: ['us-east-1a'], SecurityGroups: [groups.SecurityGroups![0]!.GroupId!],
          Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 80 }],
        }));
      },
    },
    paginate: { op: 'ElasticLoadBalancing:DescribeLoadBalancers', param: 'PageSize' },
    // Classic Load Balancer attributes have no list form.
    perItem: ['ElasticLoadBalancing:DescribeLoadBalancerAttributes'],
  },
  // DescribeLoadBalancerPolicies runs per load balancer with an HTTPS/SSL listener (the TLS policy has no list form).
  { service: 'elb', collector: 'listeners', perItem: ['ElasticLoadBalancing:DescribeLoadBalancerPolicies'] },
  {
    service: 'redshift', collector: 'clusters',
    seed: {
      table: 'aws_redshift_clusters',
      create: (cfg, i) => new RedshiftClient(cfg).send(new CreateRedshiftClusterCommand({
        ClusterIdentifier: name(i), NodeType: 'dc2.large', ClusterType: 'single-node', MasterUsername: 'contract', MasterUserPassword: 'Contract-password-1',
      })),
    },
    paginate: { op: 'Redshift:DescribeClusters', param: 'MaxRecords', canned: { items: 'Clusters', inputToken: 'Marker', outputToken: 'Marker' } },
    // Audit logging status is per cluster in Redshift's API.
    perItem: ['Redshift:DescribeLoggingStatus'],
  },
  // One DescribeClusterParameters per parameter group in use (the seeded clusters share the default group).
  { service: 'redshift', collector: 'parameter-groups' },
  {
    service: 'elasticache', collector: 'replication-groups',
    seed: {
      table: 'aws_elasticache_replication_groups',
      create: (cfg, i) => new ElastiCacheClient(cfg).send(new CreateReplicationGroupCommand({
        ReplicationGroupId: name(i), ReplicationGroupDescription: 'contract', Engine: 'redis', CacheNodeType: 'cache.t3.micro', NumCacheClusters: 1,
      })),
    },
    paginate: { op: 'ElastiCache:DescribeReplicationGroups', param: 'MaxRecords', canned: { items: 'ReplicationGroups', inputToken: 'Marker', outputToken: 'Marker' } },
  },
  {
    service: 'elasticache', collector: 'clusters',
    seed: {
      table: 'aws_elasticache_clusters',
      create: (cfg, i) => new ElastiCacheClient(cfg).send(new CreateCacheClusterCommand({ CacheClusterId: name(i), Engine: 'memcached', CacheNodeType: 'cache.t3.micro', NumCacheNodes: 1 })),
    },
    paginate: { op: 'ElastiCache:DescribeCacheClusters', param: 'MaxRecords', canned: { items: 'CacheClusters', inputToken: 'Marker', outputToken: 'Marker' } },
  },
  {
    // ListDomainNames has no pages; DescribeDomains takes five names a call, so 2 and 4 domains cost one each.
    service: 'opensearch', collector: 'domains',
    seed: { table: 'aws_opensearch_domains', create: (cfg, i) => new OpenSearchClient(cfg).send(new CreateDomainCommand({ DomainName: name(i) })) },
  },
  {
    service: 'sagemaker', collector: 'notebook-instances',
    seed: {
      table: 'aws_sagemaker_notebook_instances',
      create: (cfg, i) => new SageMakerClient(cfg).send(new CreateNotebookInstanceCommand({ NotebookInstanceName: name(i), InstanceType: 'ml.t3.medium', RoleArn: sagemakerRole })),
    },
    paginate: { op: 'SageMaker:ListNotebookInstances', param: 'MaxResults' },
    // ListNotebookInstances has no root access, subnet or KMS key.
    perItem: ['SageMaker:DescribeNotebookInstance'],
  },
  {
    service: 'sagemaker', collector: 'endpoint-configs',
    seed: {
      table: 'aws_sagemaker_endpoint_configs',
      create: async (cfg, i) => {
        // An endpoint configuration names a model: the one the models entry seeds under the same name (moto
        // replaces a model created twice, so the models table still grows by one per item).
        const sm = new SageMakerClient(cfg);
        await sm.send(new CreateModelCommand({ ModelName: name(i), ExecutionRoleArn: sagemakerRole, PrimaryContainer: { Image: sagemakerImage } }));
        return sm.send(new CreateEndpointConfigCommand({
          EndpointConfigName: name(i), ProductionVariants: [{ VariantName: 'main', ModelName: name(i), InitialInstanceCount: 1, InstanceType: 'ml.m5.large' }],
        }));
      },
    },
    paginate: { op: 'SageMaker:ListEndpointConfigs', param: 'MaxResults' },
    // ListEndpointConfigs answers names only; the variants and KMS key are in DescribeEndpointConfig.
    perItem: ['SageMaker:DescribeEndpointConfig'],
  },
  {
    service: 'sagemaker', collector: 'models',
    seed: {
      table: 'aws_sagemaker_models',
      create: (cfg, i) => new SageMakerClient(cfg).send(new CreateModelCommand({ ModelName: name(i), ExecutionRoleArn: sagemakerRole, PrimaryContainer: { Image: sagemakerImage } })),
    },
    paginate: { op: 'SageMaker:ListModels', param: 'MaxResults', canned: { items: 'Models', inputToken: 'NextToken', outputToken: 'NextToken' } },
    // ListModels answers ModelSummary only (moto answers more, and whole); network isolation needs DescribeModel.
    perItem: ['SageMaker:DescribeModel'],
  },
  // moto 5.2.1 implements neither GetBackupVaultAccessPolicy nor ListRecoveryPointsByBackupVault (the backup sync
  // test cans them), so no vault is seeded here: a vault would make both collectors fail on moto, not on AWS.
  { service: 'backup', collector: 'vaults' },
  {
    service: 'backup', collector: 'plans',
    seed: {
      table: 'aws_backup_plans',
      create: (cfg, i) => new BackupClient(cfg).send(new CreateBackupPlanCommand({
        BackupPlan: { BackupPlanName: name(i), Rules: [{ RuleName: 'daily', TargetBackupVaultName: 'Default', ScheduleExpression: 'cron(0 5 ? * * *)' }] },
      })),
    },
    paginate: { op: 'Backup:ListBackupPlans', param: 'MaxResults', canned: { items: 'BackupPlansList', inputToken: 'NextToken', outputToken: 'NextToken' } },
  },
  { service: 'backup', collector: 'recovery-points' },
  // moto 5.2.1 implements neither ListBackupSelections nor GetBackupSelection (test/sync/backup/selections cans
  // both): no seed. Selections have no account-wide list, so the plans the backup/plans seed adds each cost a
  // ListBackupSelections call (failing on moto), and every selection a GetBackupSelection (its contents).
  { service: 'backup', collector: 'selections', perItem: ['Backup:ListBackupSelections', 'Backup:GetBackupSelection'] },
  // moto 5.2.1 does not implement DescribeRegionSettings (test/sync/backup/region-settings cans it): no seed; one
  // call per region whatever the estate holds.
  { service: 'backup', collector: 'region-settings' },
  {
    service: 'wafv2', collector: 'web-acls',
    seed: {
      table: 'aws_wafv2_web_acls',
      create: (cfg, i) => new WAFV2Client(cfg).send(new CreateWebACLCommand({ Name: name(i), Scope: 'REGIONAL', DefaultAction: { Allow: {} }, VisibilityConfig: wafVisibility(i) })),
    },
    paginate: { op: 'WAFV2:ListWebACLs', param: 'Limit' },
    // ListWebACLs answers summaries; the rules and metrics settings are in GetWebACL (logging is one list per scope).
    perItem: ['WAFV2:GetWebACL'],
  },
  {
    service: 'wafv2', collector: 'rule-groups',
    seed: {
      table: 'aws_wafv2_rule_groups',
      create: (cfg, i) => new WAFV2Client(cfg).send(new CreateRuleGroupCommand({ Name: name(i), Scope: 'REGIONAL', Capacity: 10, VisibilityConfig: wafVisibility(i) })),
    },
    paginate: { op: 'WAFV2:ListRuleGroups', param: 'Limit' },
    // ListRuleGroups answers summaries; the rules and metrics settings are in GetRuleGroup.
    perItem: ['WAFV2:GetRuleGroup'],
  },
  {
    service: 'codebuild', collector: 'projects',
    seed: {
      table: 'aws_codebuild_projects',
      create: (cfg, i) => new CodeBuildClient(cfg).send(new CreateProjectCommand({
        name: name(i), source: { type: 'S3', location: 'contract-source/src.zip' }, artifacts: { type: 'NO_ARTIFACTS' },
        environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' },
        serviceRole: 'arn:aws:iam::123456789012:role/contract-codebuild',
      })),
    },
    // ListProjects takes no page size (nextToken only), and BatchGetProjects describes 100 projects a call: no per-item call.
  },
  // moto 5.2.1 writes DMS instance and task timestamps as ISO strings the SDK refuses (test/sync/dms/moto-dates.ts):
  // seeded here are endpoints only, which carry none.
  { service: 'dms', collector: 'replication-instances' },
  {
    service: 'dms', collector: 'endpoints',
    seed: {
      table: 'aws_dms_endpoints',
      create: (cfg, i) => new DatabaseMigrationServiceClient(cfg).send(new CreateEndpointCommand({
        EndpointIdentifier: name(i), EndpointType: 'source', EngineName: 'mysql', ServerName: 'db.example.com', Port: 3306, Username: 'u', Password: 'p',
      })),
    },
    // moto accepts MaxRecords but answers every endpoint in one page: canned.
    paginate: { op: 'DatabaseMigrationService:DescribeEndpoints', param: 'MaxRecords', canned: { items: 'Endpoints', inputToken: 'Marker', outputToken: 'Marker' } },
  },
  { service: 'dms', collector: 'replication-tasks' },
  {
    service: 'emr', collector: 'clusters',
    seed: {
      table: 'aws_emr_clusters',
      create: (cfg, i) => new EMRClient(cfg).send(new RunJobFlowCommand({
        Name: name(i), ReleaseLabel: 'emr-7.2.0', JobFlowRole: 'EMR_EC2_DefaultRole', ServiceRole: 'EMR_DefaultRole',
        Instances: { KeepJobFlowAliveWhenNoSteps: true, MasterInstanceType: 'm5.xlarge', InstanceCount: 1 },
      })),
    },
    // ListClusters takes no page size (Marker only). It answers ids and states: release, subnet and collection type
    // are in DescribeCluster, the primary node's public address in ListInstances (no batch form of either).
    perItem: ['EMR:DescribeCluster', 'EMR:ListInstances'],
  },
  { service: 'emr', collector: 'block-public-access' },
  {
    service: 'networkfirewall', collector: 'firewalls',
    seed: {
      table: 'aws_networkfirewall_firewalls',
      create: (cfg, i) => new NetworkFirewallClient(cfg).send(new CreateFirewallCommand({
        FirewallName: name(i), FirewallPolicyArn: 'arn:aws:network-firewall:us-east-1:123456789012:firewall-policy/contract', VpcId: 'vpc-1', SubnetMappings: [{ SubnetId: 'subnet-1' }],
      })),
    },
    // moto accepts MaxResults but answers every firewall in one page: canned.
    paginate: { op: 'NetworkFirewall:ListFirewalls', param: 'MaxResults', canned: { items: 'Firewalls', inputToken: 'NextToken', outputToken: 'NextToken' } },
    // ListFirewalls answers names and ARNs: protection settings are in DescribeFirewall, logging in DescribeLoggingConfiguration.
    perItem: ['NetworkFirewall:DescribeFirewall', 'NetworkFirewall:DescribeLoggingConfiguration'],
  },
  // moto 5.2.1 has no firewall policies or rule groups (test/sync/networkfirewall cans them): no seed.
  { service: 'networkfirewall', collector: 'policies' },
  { service: 'networkfirewall', collector: 'rule-groups' },
  {
    service: 'autoscaling', collector: 'groups',
    seed: {
      table: 'aws_autoscaling_groups',
      create: async (cfg, i) => {
        const as = new AutoScalingClient(cfg);
        await as.send(new CreateLaunchConfigurationCommand({ LaunchConfigurationName: name(i), ImageId: 'ami-12c6146b', InstanceType: 't3.micro' }));
        return as.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: name(i), LaunchConfigurationName: name(i), MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'] }));
      },
    },
    paginate: { op: 'AutoScaling:DescribeAutoScalingGroups', param: 'MaxRecords' },
  },
  {
    service: 'autoscaling', collector: 'launch-configurations',
    seed: {
      table: 'aws_autoscaling_launch_configurations',
      create: (cfg, i) => new AutoScalingClient(cfg).send(new CreateLaunchConfigurationCommand({ LaunchConfigurationName: name(i), ImageId: 'ami-12c6146b', InstanceType: 't3.micro' })),
    },
    paginate: { op: 'AutoScaling:DescribeLaunchConfigurations', param: 'MaxRecords' },
  },
  // Kinesis streams are seeded and checked in test/sync/kinesis (its seeding client needs the HTTP/1.1 handler).
  { service: 'kinesis', collector: 'streams' },
  // DescribeStacks pages by NextToken (AWS); moto answers every stack at once: not paged here. The template's only
  // resource is a wait condition handle, which creates nothing another entry counts (moto creates real queues, topics…).
  {
    service: 'cloudformation', collector: 'stacks',
    seed: {
      table: 'aws_cloudformation_stacks',
      create: (cfg, i) => new CloudFormationClient(cfg).send(new CreateStackCommand({ StackName: name(i), TemplateBody: '{"Resources":{"H":{"Type":"AWS::CloudFormation::WaitConditionHandle"}}}' })),
    },
  },
  {
    service: 'eventbridge', collector: 'event-buses',
    // Every region has the default bus: count only the buses this seed makes.
    seed: { table: 'aws_eventbridge_event_buses', where: "name LIKE 'contract-%'", create: (cfg, i) => new EventBridgeClient(cfg).send(new CreateEventBusCommand({ Name: name(i) })) },
    // Canned pages: moto answers every bus at once whatever Limit says.
    paginate: { op: 'EventBridge:ListEventBuses', param: 'Limit', canned: { items: 'EventBuses', inputToken: 'NextToken', outputToken: 'NextToken' } },
  },
  {
    service: 'firehose', collector: 'delivery-streams',
    seed: {
      table: 'aws_firehose_delivery_streams',
      create: (cfg, i) => new FirehoseClient(cfg).send(new CreateDeliveryStreamCommand({
        DeliveryStreamName: name(i), ExtendedS3DestinationConfiguration: { RoleARN: 'arn:aws:iam::123456789012:role/contract', BucketARN: 'arn:aws:s3:::contract' },
      })),
    },
    // No SDK paginator: the collector continues from the last name while HasMoreDeliveryStreams (moto honours Limit).
    paginate: { op: 'Firehose:ListDeliveryStreams', param: 'Limit' },
    // The list answers names only: the source, destinations and encryption are in DescribeDeliveryStream, one a stream.
    perItem: ['Firehose:DescribeDeliveryStream'],
  },
  {
    service: 'stepfunctions', collector: 'state-machines',
    seed: {
      table: 'aws_stepfunctions_state_machines',
      create: (cfg, i) => new SFNClient(cfg).send(new CreateStateMachineCommand({
        name: name(i), roleArn: 'arn:aws:iam::123456789012:role/contract-sfn', definition: '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}',
      })),
    },
    paginate: { op: 'SFN:ListStateMachines', param: 'maxResults' },
    // ListStateMachines answers names and types; the logging configuration is only in DescribeStateMachine.
    perItem: ['SFN:DescribeStateMachine'],
  },
  {
    service: 'athena', collector: 'workgroups',
    seed: { table: 'aws_athena_workgroups', create: (cfg, i) => new AthenaClient(cfg).send(new CreateWorkGroupCommand({ Name: name(i) })) },
    // moto ignores ListWorkGroups' MaxResults (answers all, no token): pages are canned from its answer.
    paginate: { op: 'Athena:ListWorkGroups', param: 'MaxResults', canned: { items: 'WorkGroups', inputToken: 'NextToken', outputToken: 'NextToken' } },
    // ListWorkGroups answers names and states; the result encryption is only in GetWorkGroup.
    perItem: ['Athena:GetWorkGroup'],
  },
  {
    service: 'route53', collector: 'hosted-zones',
    seed: { table: 'aws_route53_hosted_zones', create: (cfg, i) => new Route53Client(cfg).send(new CreateHostedZoneCommand({ Name: `${name(i)}.example.com`, CallerReference: name(i) })) },
    paginate: { op: 'Route53:ListHostedZones', param: 'MaxItems' },
  },
  // moto 5.2.1 writes MSK creation times without a zone, which the SDK refuses (test/sync/msk rewrites that wire
  // format): no seed here, so the contract checks the refusal only.
  { service: 'msk', collector: 'clusters' },
  {
    service: 'cognito', collector: 'user-pools',
    seed: { table: 'aws_cognito_user_pools', create: (cfg, i) => new CognitoIdentityProviderClient(cfg).send(new CreateUserPoolCommand({ PoolName: name(i) })) },
    paginate: { op: 'CognitoIdentityProvider:ListUserPools', param: 'MaxResults' },
    // ListUserPools answers ids and names; the add-ons (threat protection) are only in DescribeUserPool.
    perItem: ['CognitoIdentityProvider:DescribeUserPool'],
  },
  // moto 5.2.1 does not implement DescribeConfigurationSettings (test/sync/elasticbeanstalk cans it): no seed here,
  // so the contract checks the refusal only.
  { service: 'elasticbeanstalk', collector: 'environments' },
  // moto 5.2.1 implements neither ListReportGroups nor BatchGetReportGroups (test/sync/codebuild cans both): no seed.
  { service: 'codebuild', collector: 'report-groups' },
  // Nor ListSourceCredentials (test/sync/codebuild cans it): no seed.
  { service: 'codebuild', collector: 'source-credentials' },
  {
    service: 'acmpca', collector: 'certificate-authorities',
    seed: {
      table: 'aws_acmpca_certificate_authorities',
      create: (cfg, i) => new ACMPCAClient(cfg).send(new CreateCertificateAuthorityCommand({
        CertificateAuthorityType: 'ROOT',
        CertificateAuthorityConfiguration: { KeyAlgorithm: 'RSA_2048', SigningAlgorithm: 'SHA256WITHRSA', Subject: { CommonName: name(i) } },
      })),
    },
    paginate: { op: 'ACMPCA:ListCertificateAuthorities', param: 'MaxResults' },
  },
  {
    service: 'fsx', collector: 'file-systems',
    seed: {
      table: 'aws_fsx_file_systems',
      create: (cfg, i) => new FSxClient(cfg).send(new CreateFsxFileSystemCommand({ FileSystemType: 'OPENZFS', StorageCapacity: 64 + i, SubnetIds: ['subnet-contract'], OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 } })),
    },
    paginate: { op: 'FSx:DescribeFileSystems', param: 'MaxResults' },
  },
  {
    service: 'appsync', collector: 'graphql-apis',
    // The api-caches entry seeds APIs too: count only this entry's.
    seed: { table: 'aws_appsync_graphql_apis', where: "name NOT LIKE '%-cache'", create: (cfg, i) => new AppSyncClient(cfg).send(new CreateGraphqlApiCommand({ name: name(i), authenticationType: 'API_KEY' })) },
    // Canned pages: moto answers every API at once whatever maxResults says.
    paginate: { op: 'AppSync:ListGraphqlApis', param: 'maxResults', canned: { items: 'graphqlApis', inputToken: 'nextToken', outputToken: 'nextToken' } },
  },
  {
    service: 'appsync', collector: 'api-caches',
    // The graphql-apis entry seeds APIs too: count only this entry's.
    seed: { table: 'aws_appsync_api_caches', where: "api_name LIKE '%-cache'", create: (cfg, i) => new AppSyncClient(cfg).send(new CreateGraphqlApiCommand({ name: `${name(i)}-cache`, authenticationType: 'API_KEY' })) },
    paginate: { op: 'AppSync:ListGraphqlApis', param: 'maxResults', canned: { items: 'graphqlApis', inputToken: 'nextToken', outputToken: 'nextToken' } },
    // No list call carries an API's cache: GetApiCache is per API.
    perItem: ['AppSync:GetApiCache'],
  },
  {
    service: 'applicationautoscaling', collector: 'scalable-targets',
    seed: {
      table: 'aws_applicationautoscaling_scalable_targets',
      create: (cfg, i) => new ApplicationAutoScalingClient(cfg).send(new RegisterScalableTargetCommand({
        ServiceNamespace: 'dynamodb', ResourceId: `table/${name(i)}`, ScalableDimension: 'dynamodb:table:ReadCapacityUnits', MinCapacity: 1, MaxCapacity: 10,
      })),
    },
    // Canned pages: moto's next token counts from the start of the current page, not of the list, so a third page
    // would repeat the second; the canned pager cuts moto's whole answer instead.
    paginate: { op: 'ApplicationAutoScaling:DescribeScalableTargets', param: 'MaxResults', canned: { items: 'ScalableTargets', inputToken: 'NextToken', outputToken: 'NextToken' } },
  },
];
