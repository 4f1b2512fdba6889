/**
 * The services `calabi sync --services` accepts, in collection order, as names only: `calabi sync --help` lists
 * them without loading sync/collectors.ts, which imports every AWS SDK client (1–2 s of start-up).
 * test/cli/command-loading.test.ts fails when this list and the collectors' services disagree.
 *
 * Interim: the service registry (sync/services.ts, branch `registry`) declares each service once without
 * loading its SDK client; when it lands, `serviceNames` comes from there and this file goes.
 */
export const serviceNames: readonly string[] = [
  'iam', 's3', 'ec2', 'rds', 'efs', 'cloudtrail', 'config', 'kms', 'logs', 'cloudwatch', 'sns', 'accessanalyzer',
  'securityhub', 'account', 'apigateway', 'cloudfront', 'elbv2', 'lambda', 'macie', 'organizations', 'secretsmanager',
  'sqs', 'guardduty', 'dynamodb', 'dax', 'ecr', 'acm', 'ssm', 'eks',
];
