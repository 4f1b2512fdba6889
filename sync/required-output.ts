/**
 * Fail closed on answers that lack their data. An HTTP 200 whose body is empty or cut, or lacks the element that
 * carries the list, deserialises to an output without that member; a collector reading `out.Items ?? []` would
 * record "nothing there", and a check would PASS on an account it never saw. AWS always sends these members, as
 * an empty element or array when there is nothing (the SDK turns `<securityGroupRuleSet/>` into []), so a missing
 * one is a collection error: once, here, for every operation the collectors call, not in each collector.
 *
 * Each entry names the output members AWS always returns for that operation; `anyOf` means one of them must be
 * there (GetEventSelectors answers with either the basic or the advanced selectors). Operations whose members
 * are legitimately absent (GetBucketLocation in us-east-1, GetBucketVersioning never enabled, GetBucketLogging
 * off, GetEbsDefaultKmsKeyId…) are left out on purpose.
 */
const required: Record<string, Record<string, { allOf?: readonly string[]; anyOf?: readonly string[] }>> = {
  EC2: {
    DescribeRegions: { allOf: ['Regions'] },
    DescribeInstances: { allOf: ['Reservations'] },
    DescribeVolumes: { allOf: ['Volumes'] },
    DescribeSecurityGroups: { allOf: ['SecurityGroups'] },
    DescribeSecurityGroupRules: { allOf: ['SecurityGroupRules'] },
    DescribeNetworkAcls: { allOf: ['NetworkAcls'] },
    DescribeVpcs: { allOf: ['Vpcs'] },
    DescribeSubnets: { allOf: ['Subnets'] },
    DescribeRouteTables: { allOf: ['RouteTables'] },
    DescribeVpcPeeringConnections: { allOf: ['VpcPeeringConnections'] },
    DescribeNetworkInterfaces: { allOf: ['NetworkInterfaces'] },
    DescribeFlowLogs: { allOf: ['FlowLogs'] },
    DescribeManagedPrefixLists: { allOf: ['PrefixLists'] },
    GetManagedPrefixListEntries: { allOf: ['Entries'] },
    DescribeVpcEndpoints: { allOf: ['VpcEndpoints'] },
    GetEbsEncryptionByDefault: { allOf: ['EbsEncryptionByDefault'] },
  },
  IAM: {
    ListUsers: { allOf: ['Users'] },
    ListAccessKeys: { allOf: ['AccessKeyMetadata'] },
    ListMFADevices: { allOf: ['MFADevices'] },
    ListVirtualMFADevices: { allOf: ['VirtualMFADevices'] },
    ListPolicies: { allOf: ['Policies'] },
    ListServerCertificates: { allOf: ['ServerCertificateMetadataList'] },
    ListEntitiesForPolicy: { allOf: ['PolicyGroups', 'PolicyUsers', 'PolicyRoles'] },
    ListSAMLProviders: { allOf: ['SAMLProviderList'] },
    ListAccountAliases: { allOf: ['AccountAliases'] },
    GetAccountAuthorizationDetails: { allOf: ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] },
    GetAccountSummary: { allOf: ['SummaryMap'] },
    GetAccountPasswordPolicy: { allOf: ['PasswordPolicy'] },
    GetCredentialReport: { allOf: ['Content'] },
    GetLoginProfile: { allOf: ['LoginProfile'] },
    GetPolicyVersion: { allOf: ['PolicyVersion'] },
    GetAccessKeyLastUsed: { allOf: ['AccessKeyLastUsed'] },
  },
  S3: {
    ListBuckets: { allOf: ['Buckets'] },
    GetBucketPolicy: { allOf: ['Policy'] },
    GetBucketEncryption: { allOf: ['ServerSideEncryptionConfiguration'] },
    GetBucketAcl: { allOf: ['Grants'] },
    GetPublicAccessBlock: { allOf: ['PublicAccessBlockConfiguration'] },
  },
  S3Control: {
    GetPublicAccessBlock: { allOf: ['PublicAccessBlockConfiguration'] },
  },
  RDS: { DescribeDBInstances: { allOf: ['DBInstances'] }, DescribeDBClusters: { allOf: ['DBClusters'] } },
  EFS: { DescribeFileSystems: { allOf: ['FileSystems'] } },
  CloudTrail: {
    DescribeTrails: { allOf: ['trailList'] },
    GetTrailStatus: { allOf: ['IsLogging'] },
    GetEventSelectors: { anyOf: ['EventSelectors', 'AdvancedEventSelectors'] },
  },
  ConfigService: {
    DescribeConfigurationRecorders: { allOf: ['ConfigurationRecorders'] },
    DescribeConfigurationRecorderStatus: { allOf: ['ConfigurationRecordersStatus'] },
    DescribeDeliveryChannels: { allOf: ['DeliveryChannels'] },
  },
  KMS: {
    ListKeys: { allOf: ['Keys'] },
    DescribeKey: { allOf: ['KeyMetadata'] },
    GetKeyRotationStatus: { allOf: ['KeyRotationEnabled'] },
    GetKeyPolicy: { allOf: ['Policy'] },
  },
  CloudWatchLogs: {
    DescribeLogGroups: { allOf: ['logGroups'] },
    DescribeMetricFilters: { allOf: ['metricFilters'] },
  },
  CloudWatch: { DescribeAlarms: { allOf: ['MetricAlarms'] } },
  SNS: {
    ListTopics: { allOf: ['Topics'] },
    ListSubscriptions: { allOf: ['Subscriptions'] },
    GetTopicAttributes: { allOf: ['Attributes'] },
  },
  AccessAnalyzer: { ListAnalyzers: { allOf: ['analyzers'] } },
  SecurityHub: { DescribeHub: { allOf: ['HubArn'] } },
  Organizations: {
    ListAccounts: { allOf: ['Accounts'] },
    DescribeOrganization: { allOf: ['Organization'] },
    ListRoots: { allOf: ['Roots'] },
    ListAWSServiceAccessForOrganization: { allOf: ['EnabledServicePrincipals'] },
    ListDelegatedAdministrators: { allOf: ['DelegatedAdministrators'] },
    ListOrganizationalUnitsForParent: { allOf: ['OrganizationalUnits'] },
    ListAccountsForParent: { allOf: ['Accounts'] },
    ListPolicies: { allOf: ['Policies'] },
    ListTargetsForPolicy: { allOf: ['Targets'] },
  },
  // The collectors added for CIS 2.0–7.0 and FSBP. Left out: answers AWS sends without the member when there is
  // nothing (SQS ListQueues, API Gateway list calls, GetQueueAttributes without a policy).
  CloudFront: { ListDistributions: { allOf: ['DistributionList'] }, GetDistributionConfig: { allOf: ['DistributionConfig'] } },
  ElasticLoadBalancingV2: { DescribeLoadBalancers: { allOf: ['LoadBalancers'] }, DescribeLoadBalancerAttributes: { allOf: ['Attributes'] } },
  Lambda: { ListFunctions: { allOf: ['Functions'] } },
  SecretsManager: { ListSecrets: { allOf: ['SecretList'] } },
  GuardDuty: { ListDetectors: { allOf: ['DetectorIds'] }, GetDetector: { allOf: ['Status'] } },
  DynamoDB: { ListTables: { allOf: ['TableNames'] }, DescribeTable: { allOf: ['Table'] }, DescribeContinuousBackups: { allOf: ['ContinuousBackupsDescription'] } },
  DAX: { DescribeClusters: { allOf: ['Clusters'] } },
  ECR: { DescribeRepositories: { allOf: ['repositories'] } },
  ACM: { ListCertificates: { allOf: ['CertificateSummaryList'] } },
  SSM: {
    ListDocuments: { allOf: ['DocumentIdentifiers'] },
    DescribeInstanceInformation: { allOf: ['InstanceInformationList'] },
    ListResourceComplianceSummaries: { allOf: ['ResourceComplianceSummaryItems'] },
    DescribeParameters: { allOf: ['Parameters'] },
  },
  EKS: { ListClusters: { allOf: ['clusters'] }, DescribeCluster: { allOf: ['cluster'] } },
  ECS: {
    ListClusters: { allOf: ['clusterArns'] },
    DescribeClusters: { allOf: ['clusters'] },
    ListServices: { allOf: ['serviceArns'] },
    DescribeServices: { allOf: ['services'] },
    ListTaskDefinitionFamilies: { allOf: ['families'] },
    DescribeTaskDefinition: { allOf: ['taskDefinition'] },
  },
  ElasticLoadBalancing: {
    DescribeLoadBalancers: { allOf: ['LoadBalancerDescriptions'] },
    DescribeLoadBalancerAttributes: { allOf: ['LoadBalancerAttributes'] },
    DescribeLoadBalancerPolicies: { allOf: ['PolicyDescriptions'] },
  },
  Redshift: { DescribeClusters: { allOf: ['Clusters'] }, DescribeLoggingStatus: { allOf: ['LoggingEnabled'] }, DescribeClusterParameters: { allOf: ['Parameters'] } },
  ElastiCache: { DescribeReplicationGroups: { allOf: ['ReplicationGroups'] }, DescribeCacheClusters: { allOf: ['CacheClusters'] } },
  Account: { GetAlternateContact: { allOf: ['AlternateContact'] } },
  STS: { GetCallerIdentity: { allOf: ['Account', 'Arn'] } },
};

/** A 200 answer without the member that carries the data; recorded as a sync error with this code. */
export class IncompleteResponseError extends Error {
  readonly Code = 'IncompleteResponse';
  constructor(
    readonly operation: string,
    missing: readonly string[],
    readonly $metadata: { httpStatusCode?: number } | undefined,
  ) {
    super(`${operation} answered HTTP ${$metadata?.httpStatusCode ?? 200} without ${missing.join(', ')}: the body was empty, cut or incomplete, so the data is unknown (not empty)`);
    this.name = 'IncompleteResponseError';
  }
}

/** The members of `output` the operation must carry but does not; empty when complete or not listed. */
export function missingMembers(serviceName: string, operation: string, output: unknown): string[] {
  const rule = required[serviceName]?.[operation];
  if (!rule) return [];
  const o = (output ?? {}) as Record<string, unknown>;
  const has = (m: string) => o[m] !== undefined && o[m] !== null;
  const missing = (rule.allOf ?? []).filter((m) => !has(m));
  if (rule.anyOf && !rule.anyOf.some(has)) missing.push(rule.anyOf.join(' or '));
  return missing;
}

type Handler = (args: unknown) => Promise<{ output?: unknown }>;
interface Stack {
  add: (mw: (next: Handler, context: { commandName?: string }) => Handler, opts: { step: string; name: string; priority?: string }) => void;
}

/**
 * Adds the check to one SDK client, after deserialisation (so retries of transport errors happen first) and
 * before the collector sees the output.
 */
export function requireOutputMembers(client: unknown, serviceName: string): void {
  const stack = (client as { middlewareStack?: Stack }).middlewareStack;
  stack?.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const operation = (context.commandName ?? '').replace(/Command$/, '');
      const missing = missingMembers(serviceName, operation, result.output);
      if (missing.length) throw new IncompleteResponseError(operation, missing, (result.output as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata);
      return result;
    },
    { step: 'initialize', name: 'calabiRequiredOutput', priority: 'high' },
  );
}
