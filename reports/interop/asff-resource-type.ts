/**
 * ASFF `Resources[].Type` for a resource id: Security Hub's own type name where the ARN says which (the names of
 * ResourceDetails in the AWS service model: AwsS3Bucket, AwsIamUser…), `AwsAccount` for Calabi's account-level
 * ids (`arn:<partition>:iam::<account>:root`, docs/resource-ids.md), and `Other` for the rest, as the ASFF guide
 * asks for a resource that matches no listed type. Region-level settings (`arn:<p>:<service>:<region>:<account>`,
 * no resource part) are `Other` as well: ASFF has no type for "a service in a region".
 */
const byServiceAndType: Record<string, string> = {
  's3:': 'AwsS3Bucket',
  'iam:user': 'AwsIamUser',
  'iam:role': 'AwsIamRole',
  'iam:group': 'AwsIamGroup',
  'iam:policy': 'AwsIamPolicy',
  'ec2:instance': 'AwsEc2Instance',
  'ec2:security-group': 'AwsEc2SecurityGroup',
  'ec2:volume': 'AwsEc2Volume',
  'ec2:vpc': 'AwsEc2Vpc',
  'ec2:subnet': 'AwsEc2Subnet',
  'ec2:network-acl': 'AwsEc2NetworkAcl',
  'ec2:network-interface': 'AwsEc2NetworkInterface',
  'ec2:route-table': 'AwsEc2RouteTable',
  'kms:key': 'AwsKmsKey',
  'cloudtrail:trail': 'AwsCloudTrailTrail',
  'rds:db': 'AwsRdsDbInstance',
  'rds:cluster': 'AwsRdsDbCluster',
  'rds:snapshot': 'AwsRdsDbSnapshot',
  'sns:': 'AwsSnsTopic',
  'sqs:': 'AwsSqsQueue',
  'lambda:function': 'AwsLambdaFunction',
  'dynamodb:table': 'AwsDynamoDbTable',
  'ecr:repository': 'AwsEcrRepository',
  'eks:cluster': 'AwsEksCluster',
  'ecs:cluster': 'AwsEcsCluster',
  'ecs:service': 'AwsEcsService',
  'ecs:task-definition': 'AwsEcsTaskDefinition',
  'secretsmanager:secret': 'AwsSecretsManagerSecret',
  'cloudfront:distribution': 'AwsCloudFrontDistribution',
  'elasticloadbalancing:loadbalancer': 'AwsElbLoadBalancer',
  'redshift:cluster': 'AwsRedshiftCluster',
  'es:domain': 'AwsOpenSearchServiceDomain',
  'sagemaker:notebook-instance': 'AwsSageMakerNotebookInstance',
  'backup:backup-vault': 'AwsBackupBackupVault',
  'backup:backup-plan': 'AwsBackupBackupPlan',
  'wafv2:regional': 'AwsWafv2WebAcl',
  'wafv2:global': 'AwsWafv2WebAcl',
  'acm:certificate': 'AwsCertificateManagerCertificate',
  'apigateway:': 'AwsApiGatewayRestApi',
  'elasticache:replicationgroup': 'AwsElastiCacheReplicationGroup',
  'elasticache:cluster': 'AwsElastiCacheCacheCluster',
};

export function asffResourceType(resourceId: string): string {
  const parts = resourceId.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return 'Other';
  const service = parts[2] ?? '';
  const resource = parts.slice(5).join(':');
  if (resource === '') return 'Other';
  if (service === 'iam' && resource === 'root') return 'AwsAccount';
  // The resource part is `type/name`, `type:name` or (S3, SNS, SQS) just the name.
  const type = /^([a-z0-9-]+)[/:]/.exec(resource)?.[1] ?? '';
  if (service === 'elasticloadbalancing' && type === 'loadbalancer') {
    // ALB/NLB ARNs are loadbalancer/app/… or loadbalancer/net/…; a classic ELB is loadbalancer/<name>.
    return /^loadbalancer\/(app|net|gwy)\//.test(resource) ? 'AwsElbv2LoadBalancer' : 'AwsElbLoadBalancer';
  }
  return byServiceAndType[`${service}:${type}`] ?? (type === '' ? byServiceAndType[`${service}:`] : undefined) ?? 'Other';
}
