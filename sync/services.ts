import { serviceTables, type InventoryService } from '../schema/inventory.js';
import type { TableDef } from '../schema/table.js';
import { SyncSetupError } from './errors.js';
import type { Collector } from './types.js';

/**
 * The service registry: one entry per service, keyed by the names schema/inventory.ts gives its tables (the
 * compiler refuses a service missing on either side). Adding a service is: its tables in schema/<service>.ts
 * and serviceTables, its collectors in sync/<service>/index.ts, and one entry here.
 *
 * This file loads no AWS SDK client and no collector: `load` imports the service's collectors when a sync
 * runs, so `calabi sync --help` lists the services cheaply.
 */
interface ServiceDeclaration {
  /** 'global': once per account against the partition's home region; 'regional': once per account and region. */
  readonly scope: Collector['scope'];
  /** Every IAM action the service's collectors call (the README's least-privilege policy is their union). */
  readonly actions: readonly string[];
  readonly load: () => Promise<{ readonly collectors: readonly Collector[] }>;
}

export interface ServiceEntry extends ServiceDeclaration {
  readonly name: InventoryService;
  /** The tables the service's collectors fill (schema/inventory.ts). */
  readonly tables: readonly TableDef[];
}

const declared: { readonly [S in InventoryService]: ServiceDeclaration } = {
  iam: {
    scope: 'global',
    load: () => import('./iam/index.js'),
    actions: [
      'iam:GetAccountAuthorizationDetails', 'iam:ListUsers', 'iam:GetLoginProfile', 'iam:ListMFADevices',
      'iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed', 'iam:ListPolicies', 'iam:GetPolicyVersion',
      'iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:GetAccountSummary',
      'iam:GetAccountPasswordPolicy', 'iam:ListVirtualMFADevices', 'iam:ListServerCertificates',
      'iam:ListSAMLProviders', 'iam:ListEntitiesForPolicy',
    ],
  },
  s3: {
    scope: 'global',
    load: () => import('./s3/index.js'),
    actions: [
      's3:ListAllMyBuckets', 's3:GetBucketLocation', 's3:GetBucketPolicy', 's3:GetBucketVersioning',
      's3:GetBucketPublicAccessBlock', 's3:GetBucketLogging', 's3:GetEncryptionConfiguration', 's3:GetBucketAcl',
      's3:GetAccountPublicAccessBlock', 's3:GetReplicationConfiguration', 's3:GetLifecycleConfiguration',
      's3:GetBucketNotification', 's3:GetBucketOwnershipControls', 's3:GetBucketObjectLockConfiguration',
      's3:ListAccessPoints', 's3:GetAccessPoint',
    ],
  },
  ec2: {
    scope: 'regional',
    load: () => import('./ec2/index.js'),
    actions: [
      'ec2:DescribeInstances', 'ec2:DescribeVolumes', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSecurityGroupRules',
      'ec2:DescribeNetworkAcls', 'ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeRouteTables',
      'ec2:DescribeVpcPeeringConnections', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeManagedPrefixLists',
      'ec2:GetManagedPrefixListEntries', 'ec2:DescribeFlowLogs', 'ec2:GetEbsEncryptionByDefault',
      'ec2:GetEbsDefaultKmsKeyId', 'ec2:DescribeVpcEndpoints', 'ec2:DescribeLaunchTemplateVersions',
      'ec2:DescribeSnapshots', 'ec2:DescribeAddresses', 'ec2:DescribeTransitGateways',
      'ec2:DescribeVpnConnections', 'ec2:DescribeImages',
    ],
  },
  rds: {
    scope: 'regional',
    load: () => import('./rds/index.js'),
    actions: [
      'rds:DescribeDBInstances', 'rds:DescribeDBClusters', 'rds:DescribeDBSnapshots', 'rds:DescribeDBSnapshotAttributes',
      'rds:DescribeDBClusterSnapshots', 'rds:DescribeDBClusterSnapshotAttributes', 'rds:DescribeDBParameters',
      'rds:DescribeEventSubscriptions',
    ],
  },
  efs: {
    scope: 'regional',
    load: () => import('./efs/index.js'),
    actions: ['elasticfilesystem:DescribeFileSystems', 'elasticfilesystem:DescribeAccessPoints', 'elasticfilesystem:DescribeBackupPolicy'],
  },
  cloudtrail: {
    scope: 'regional',
    load: () => import('./cloudtrail/index.js'),
    actions: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors'],
  },
  config: {
    scope: 'regional',
    load: () => import('./config/index.js'),
    actions: ['config:DescribeConfigurationRecorders', 'config:DescribeConfigurationRecorderStatus', 'config:DescribeDeliveryChannels'],
  },
  kms: {
    scope: 'regional',
    load: () => import('./kms/index.js'),
    actions: ['kms:ListKeys', 'kms:DescribeKey', 'kms:GetKeyRotationStatus', 'kms:GetKeyPolicy'],
  },
  logs: { scope: 'regional', load: () => import('./logs/index.js'), actions: ['logs:DescribeLogGroups', 'logs:DescribeMetricFilters'] },
  cloudwatch: { scope: 'regional', load: () => import('./cloudwatch/index.js'), actions: ['cloudwatch:DescribeAlarms'] },
  sns: {
    scope: 'regional',
    load: () => import('./sns/index.js'),
    actions: ['sns:ListTopics', 'sns:GetTopicAttributes', 'sns:ListSubscriptions'],
  },
  accessanalyzer: { scope: 'regional', load: () => import('./accessanalyzer/index.js'), actions: ['access-analyzer:ListAnalyzers'] },
  securityhub: { scope: 'regional', load: () => import('./securityhub/index.js'), actions: ['securityhub:DescribeHub'] },
  // The data of the CIS 2.0–7.0 requirements.
  account: {
    scope: 'global',
    load: () => import('./account/index.js'),
    actions: ['account:GetAlternateContact', 'account:GetContactInformation'],
  },
  apigateway: { scope: 'regional', load: () => import('./apigateway/index.js'), actions: ['apigateway:GET'] },
  cloudfront: {
    scope: 'global',
    load: () => import('./cloudfront/index.js'),
    // Standard logging v2 is a CloudWatch Logs delivery, so the distributions' logging is read there; HeadBucket
    // (s3:ListBucket) tells whether an S3 origin's bucket exists.
    actions: ['cloudfront:ListDistributions', 'cloudfront:GetDistributionConfig', 'logs:DescribeDeliverySources', 'logs:DescribeDeliveries', 's3:ListBucket'],
  },
  elbv2: {
    scope: 'regional',
    load: () => import('./elbv2/index.js'),
    // The AWS WAF web ACL of an Application Load Balancer is read from WAF (no load balancer attribute holds it).
    actions: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes', 'wafv2:GetWebACLForResource',
      'elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeRules'],
  },
  lambda: { scope: 'regional', load: () => import('./lambda/index.js'), actions: ['lambda:ListFunctions', 'lambda:GetPolicy', 'lambda:ListFunctionUrlConfigs'] },
  macie: { scope: 'regional', load: () => import('./macie/index.js'), actions: ['macie2:GetMacieSession'] },
  organizations: {
    scope: 'global',
    load: () => import('./organizations/index.js'),
    actions: [
      'organizations:DescribeOrganization', 'organizations:ListRoots', 'organizations:ListAWSServiceAccessForOrganization',
      'organizations:ListOrganizationalUnitsForParent', 'organizations:ListAccountsForParent', 'organizations:ListPolicies',
      'organizations:ListTargetsForPolicy', 'organizations:ListDelegatedAdministrators',
      'organizations:ListDelegatedServicesForAccount', 'organizations:DescribeResourcePolicy', 'iam:ListOrganizationsFeatures',
    ],
  },
  secretsmanager: {
    scope: 'regional',
    load: () => import('./secretsmanager/index.js'),
    actions: ['secretsmanager:ListSecrets', 'secretsmanager:GetResourcePolicy'],
  },
  sqs: { scope: 'regional', load: () => import('./sqs/index.js'), actions: ['sqs:ListQueues', 'sqs:GetQueueAttributes'] },
  // AWS Foundational Security Best Practices (issue 11).
  guardduty: { scope: 'regional', load: () => import('./guardduty/index.js'), actions: ['guardduty:ListDetectors', 'guardduty:GetDetector', 'guardduty:GetFindingsStatistics'] },
  dynamodb: {
    scope: 'regional',
    load: () => import('./dynamodb/index.js'),
    actions: ['dynamodb:ListTables', 'dynamodb:DescribeTable', 'dynamodb:DescribeContinuousBackups', 'dynamodb:ListTagsOfResource'],
  },
  dax: { scope: 'regional', load: () => import('./dax/index.js'), actions: ['dax:DescribeClusters'] },
  ecr: {
    scope: 'regional',
    load: () => import('./ecr/index.js'),
    actions: ['ecr:DescribeRepositories', 'ecr:BatchGetRepositoryScanningConfiguration', 'ecr:GetLifecyclePolicy'],
  },
  acm: { scope: 'regional', load: () => import('./acm/index.js'), actions: ['acm:ListCertificates'] },
  ssm: {
    scope: 'regional',
    load: () => import('./ssm/index.js'),
    actions: [
      'ssm:ListDocuments', 'ssm:DescribeDocumentPermission', 'ssm:DescribeInstanceInformation',
      'ssm:ListResourceComplianceSummaries', 'ssm:DescribeParameters',
    ],
  },
  eks: { scope: 'regional', load: () => import('./eks/index.js'), actions: ['eks:ListClusters', 'eks:DescribeCluster'] },
  ecs: {
    scope: 'regional',
    load: () => import('./ecs/index.js'),
    actions: [
      'ecs:ListClusters', 'ecs:DescribeClusters', 'ecs:ListServices', 'ecs:DescribeServices', 'ecs:ListTaskDefinitionFamilies',
      'ecs:DescribeTaskDefinition',
    ],
  },
  elb: {
    scope: 'regional',
    load: () => import('./elb/index.js'),
    actions: [
      'elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes',
      'elasticloadbalancing:DescribeLoadBalancerPolicies',
    ],
  },
  redshift: {
    scope: 'regional',
    load: () => import('./redshift/index.js'),
    actions: ['redshift:DescribeClusters', 'redshift:DescribeLoggingStatus', 'redshift:DescribeClusterParameters'],
  },
  elasticache: {
    scope: 'regional',
    load: () => import('./elasticache/index.js'),
    actions: ['elasticache:DescribeReplicationGroups', 'elasticache:DescribeCacheClusters'],
  },
  // The OpenSearch API (IAM prefix es) answers for OpenSearch and Elasticsearch domains alike.
  opensearch: { scope: 'regional', load: () => import('./opensearch/index.js'), actions: ['es:ListDomainNames', 'es:DescribeDomains'] },
  sagemaker: {
    scope: 'regional',
    load: () => import('./sagemaker/index.js'),
    actions: [
      'sagemaker:ListNotebookInstances', 'sagemaker:DescribeNotebookInstance', 'sagemaker:ListEndpointConfigs',
      'sagemaker:DescribeEndpointConfig', 'sagemaker:ListModels', 'sagemaker:DescribeModel',
    ],
  },
  backup: {
    scope: 'regional',
    load: () => import('./backup/index.js'),
    actions: [
      'backup:ListBackupVaults', 'backup:GetBackupVaultAccessPolicy', 'backup:ListBackupPlans', 'backup:ListRecoveryPointsByBackupVault',
      'backup:ListBackupSelections', 'backup:GetBackupSelection', 'backup:DescribeRegionSettings',
    ],
  },
  wafv2: {
    scope: 'regional',
    load: () => import('./wafv2/index.js'),
    actions: ['wafv2:ListWebACLs', 'wafv2:GetWebACL', 'wafv2:ListLoggingConfigurations', 'wafv2:ListRuleGroups', 'wafv2:GetRuleGroup'],
  },
  codebuild: {
    scope: 'regional',
    load: () => import('./codebuild/index.js'),
    actions: ['codebuild:ListProjects', 'codebuild:BatchGetProjects', 'codebuild:ListReportGroups', 'codebuild:BatchGetReportGroups', 'codebuild:ListSourceCredentials'],
  },
  dms: {
    scope: 'regional',
    load: () => import('./dms/index.js'),
    actions: ['dms:DescribeReplicationInstances', 'dms:DescribeEndpoints', 'dms:DescribeReplicationTasks'],
  },
  emr: {
    scope: 'regional',
    load: () => import('./emr/index.js'),
    actions: [
      'elasticmapreduce:ListClusters', 'elasticmapreduce:DescribeCluster', 'elasticmapreduce:ListInstances',
      'elasticmapreduce:GetBlockPublicAccessConfiguration',
    ],
  },
  networkfirewall: {
    scope: 'regional',
    load: () => import('./networkfirewall/index.js'),
    actions: [
      'network-firewall:ListFirewalls', 'network-firewall:DescribeFirewall', 'network-firewall:DescribeLoggingConfiguration',
      'network-firewall:ListFirewallPolicies', 'network-firewall:DescribeFirewallPolicy', 'network-firewall:ListRuleGroups',
      'network-firewall:DescribeRuleGroup',
    ],
  },
  autoscaling: {
    scope: 'regional',
    load: () => import('./autoscaling/index.js'),
    actions: ['autoscaling:DescribeAutoScalingGroups', 'autoscaling:DescribeLaunchConfigurations'],
  },
  kinesis: { scope: 'regional', load: () => import('./kinesis/index.js'), actions: ['kinesis:ListStreams', 'kinesis:DescribeStreamSummary'] },
  firehose: { scope: 'regional', load: () => import('./firehose/index.js'), actions: ['firehose:ListDeliveryStreams', 'firehose:DescribeDeliveryStream'] },
  cloudformation: { scope: 'regional', load: () => import('./cloudformation/index.js'), actions: ['cloudformation:DescribeStacks'] },
  eventbridge: { scope: 'regional', load: () => import('./eventbridge/index.js'), actions: ['events:ListEventBuses'] },
  stepfunctions: {
    scope: 'regional',
    load: () => import('./stepfunctions/index.js'),
    actions: ['states:ListStateMachines', 'states:DescribeStateMachine'],
  },
  athena: { scope: 'regional', load: () => import('./athena/index.js'), actions: ['athena:ListWorkGroups', 'athena:GetWorkGroup'] },
  route53: { scope: 'global', load: () => import('./route53/index.js'), actions: ['route53:ListHostedZones', 'route53:ListQueryLoggingConfigs'] },
  msk: { scope: 'regional', load: () => import('./msk/index.js'), actions: ['kafka:ListClustersV2'] },
  cognito: { scope: 'regional', load: () => import('./cognito/index.js'), actions: ['cognito-idp:ListUserPools', 'cognito-idp:DescribeUserPool'] },
  elasticbeanstalk: {
    scope: 'regional',
    load: () => import('./elasticbeanstalk/index.js'),
    actions: ['elasticbeanstalk:DescribeEnvironments', 'elasticbeanstalk:DescribeConfigurationSettings'],
  },
  // AWS Client VPN is part of the EC2 API (and IAM's ec2 namespace); a service of its own so that moto 5.2.1, which
  // implements no Client VPN call, leaves `--services ec2` syncs clean (docs/fsbp.md).
  clientvpn: { scope: 'regional', load: () => import('./clientvpn/index.js'), actions: ['ec2:DescribeClientVpnEndpoints'] },
  acmpca: { scope: 'regional', load: () => import('./acmpca/index.js'), actions: ['acm-pca:ListCertificateAuthorities'] },
  fsx: { scope: 'regional', load: () => import('./fsx/index.js'), actions: ['fsx:DescribeFileSystems'] },
  appsync: { scope: 'regional', load: () => import('./appsync/index.js'), actions: ['appsync:ListGraphqlApis', 'appsync:GetApiCache'] },
  applicationautoscaling: {
    scope: 'regional',
    load: () => import('./applicationautoscaling/index.js'),
    actions: ['application-autoscaling:DescribeScalableTargets'],
  },
};

/** Every service, in the order a sync runs them. */
export const services: readonly ServiceEntry[] = (Object.keys(declared) as InventoryService[]).map((name) => ({
  name,
  tables: serviceTables[name],
  ...declared[name],
}));

export const serviceNames: readonly string[] = services.map((s) => s.name);

/** What the sync itself calls before any service: who am I, which regions, which accounts of the organization. */
export const runnerActions: readonly string[] = [
  'sts:GetCallerIdentity', 'organizations:DescribeOrganization', 'organizations:ListAccounts', 'iam:ListAccountAliases',
  'ec2:DescribeRegions',
];

/** The least-privilege policy's actions: the runner's and every service's, each once. */
export function requiredActions(): string[] {
  return [...new Set([...runnerActions, ...services.flatMap((s) => s.actions)])];
}

/** Refuses a --services name that is not in `known`, as a setup error listing the valid ones. */
export function assertKnownServices(known: readonly string[], names: readonly string[] = []): void {
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length) {
    throw new SyncSetupError(`[sync] unknown service${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Valid services: ${[...new Set(known)].sort().join(', ')}.`);
  }
}

/** The collectors of the named services (all when none is named); an unknown name is a setup error. */
export async function loadCollectors(names?: readonly string[]): Promise<Collector[]> {
  assertKnownServices(serviceNames, names);
  const chosen = names?.length ? services.filter((s) => names.includes(s.name)) : services;
  const modules = await Promise.all(chosen.map((s) => s.load()));
  return modules.flatMap((m) => m.collectors);
}
