import { tables as accessanalyzer } from './accessanalyzer.js';
import { tables as account } from './account.js';
import { tables as acm } from './acm.js';
import { tables as acmpca } from './acmpca.js';
import { tables as apigateway } from './apigateway.js';
import { tables as applicationautoscaling } from './applicationautoscaling.js';
import { tables as appsync } from './appsync.js';
import { tables as athena } from './athena.js';
import { tables as autoscaling } from './autoscaling.js';
import { tables as backup } from './backup.js';
import { tables as backupSelections } from './backup-selections.js';
import { tables as codebuild } from './codebuild.js';
import { tables as cloudfront } from './cloudfront.js';
import { tables as clientvpn } from './clientvpn.js';
import { tables as cloudtrail } from './cloudtrail.js';
import { tables as cloudwatch } from './cloudwatch.js';
import { tables as cognito } from './cognito.js';
import { tables as config } from './config.js';
import { tables as core } from './core.js';
import { tables as dax } from './dax.js';
import { tables as dms } from './dms.js';
import { tables as dynamodb } from './dynamodb.js';
import { tables as ec2 } from './ec2.js';
import { tables as ec2ElasticIps } from './ec2-elastic-ips.js';
import { tables as ec2Images } from './ec2-images.js';
import { tables as ec2LaunchTemplates } from './ec2-launch-templates.js';
import { tables as ec2Snapshots } from './ec2-snapshots.js';
import { tables as ec2TransitGateways } from './ec2-transit-gateways.js';
import { tables as ec2VpcEndpoints } from './ec2-vpc-endpoints.js';
import { tables as ec2VpnConnections } from './ec2-vpn-connections.js';
import { tables as ecr } from './ecr.js';
import { tables as ecs } from './ecs.js';
import { tables as efs } from './efs.js';
import { tables as emr } from './emr.js';
import { tables as eks } from './eks.js';
import { tables as elasticache } from './elasticache.js';
import { tables as elasticbeanstalk } from './elasticbeanstalk.js';
import { tables as elb } from './elb.js';
import { tables as elbv2 } from './elbv2.js';
import { tables as guardduty } from './guardduty.js';
import { tables as guarddutyFindings } from './guardduty-findings.js';
import { tables as iam } from './iam.js';
import { tables as kinesis } from './kinesis.js';
import { tables as fsx } from './fsx.js';
import { tables as firehose } from './firehose.js';
import { tables as cloudformation } from './cloudformation.js';
import { tables as eventbridge } from './eventbridge.js';
import { tables as kms } from './kms.js';
import { tables as lambda } from './lambda.js';
import { tables as lambdaUrls } from './lambda-urls.js';
import { tables as logs } from './logs.js';
import { tables as macie } from './macie.js';
import { tables as msk } from './msk.js';
import { tables as networkfirewall } from './networkfirewall.js';
import { tables as opensearch } from './opensearch.js';
import { tables as organizations } from './organizations.js';
import { tables as rdsEvents } from './rds-events.js';
import { tables as rdsSnapshots } from './rds-snapshots.js';
import { tables as rds } from './rds.js';
import { tables as redshift } from './redshift.js';
import { tables as route53 } from './route53.js';
import { tables as s3 } from './s3.js';
import { tables as sagemaker } from './sagemaker.js';
import { tables as secretsmanager } from './secretsmanager.js';
import { tables as securityhub } from './securityhub.js';
import { tables as sns } from './sns.js';
import { tables as sqs } from './sqs.js';
import { tables as ssm } from './ssm.js';
import { tables as stepfunctions } from './stepfunctions.js';
import type { TableDef } from './table.js';
import { tables as wafv2 } from './wafv2.js';

/**
 * The inventory tables of each service, keyed by the service's name (the name `--services` takes and
 * sync_errors.service records). This is the schema half of the service registry: sync/services.ts keys its
 * collectors by the same names, and the compiler refuses a service missing from either side.
 */
export const serviceTables = {
  accessanalyzer,
  account,
  acm,
  apigateway,
  cloudfront,
  cloudtrail,
  cloudwatch,
  config,
  dax,
  dynamodb,
  ec2: [...ec2, ...ec2VpcEndpoints, ...ec2LaunchTemplates, ...ec2Snapshots, ...ec2ElasticIps, ...ec2TransitGateways, ...ec2VpnConnections, ...ec2Images],
  ecr,
  ecs,
  efs,
  eks,
  elasticache,
  elb,
  elbv2,
  guardduty: [...guardduty, ...guarddutyFindings],
  iam,
  kms,
  lambda: [...lambda, ...lambdaUrls],
  logs,
  macie,
  organizations,
  rds: [...rds, ...rdsSnapshots, ...rdsEvents],
  redshift,
  s3,
  secretsmanager,
  securityhub,
  sns,
  sqs,
  ssm,
  opensearch,
  sagemaker,
  backup: [...backup, ...backupSelections],
  wafv2,
  codebuild,
  dms,
  emr,
  networkfirewall,
  autoscaling,
  kinesis,
  firehose,
  cloudformation,
  eventbridge,
  stepfunctions,
  athena,
  route53,
  msk,
  cognito,
  elasticbeanstalk,
  clientvpn,
  acmpca,
  fsx,
  appsync,
  applicationautoscaling,
} as const satisfies Record<string, readonly TableDef[]>;

export type InventoryService = keyof typeof serviceTables;

/** Every inventory table: the sync's own facts (accounts, regions), then each service's. */
export const inventoryTables: readonly TableDef[] = [...core, ...Object.values(serviceTables).flat()];

export function findTable(name: string): TableDef | undefined {
  return inventoryTables.find((t) => t.name === name);
}
