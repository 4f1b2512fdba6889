import { collectors as accessanalyzer } from './accessanalyzer/index.js';
import { collectors as cloudtrail } from './cloudtrail/index.js';
import { collectors as cloudwatch } from './cloudwatch/index.js';
import { collectors as config } from './config/index.js';
import { collectors as ec2 } from './ec2/index.js';
import { vpcEndpointsCollector } from './ec2/vpc-endpoints.js';
import { collectors as efs } from './efs/index.js';
import { collectors as iam } from './iam/index.js';
import { collectors as kms } from './kms/index.js';
import { collectors as logs } from './logs/index.js';
import { collectors as rds } from './rds/index.js';
import { collectors as s3 } from './s3/index.js';
import { collectors as securityhub } from './securityhub/index.js';
import { collectors as sns } from './sns/index.js';
import { collectors as account } from './account/index.js';
import { collectors as apigateway } from './apigateway/index.js';
import { collectors as cloudfront } from './cloudfront/index.js';
import { collectors as elbv2 } from './elbv2/index.js';
import { collectors as lambda } from './lambda/index.js';
import { collectors as macie } from './macie/index.js';
import { collectors as organizations } from './organizations/index.js';
import { collectors as secretsmanager } from './secretsmanager/index.js';
import { collectors as sqs } from './sqs/index.js';
import { collectors as guardduty } from './guardduty/index.js';
import { collectors as dynamodb } from './dynamodb/index.js';
import { collectors as dax } from './dax/index.js';
import { collectors as ecr } from './ecr/index.js';
import { collectors as acm } from './acm/index.js';
import { collectors as ssm } from './ssm/index.js';
import { collectors as eks } from './eks/index.js';
import type { Collector } from './types.js';

/** Every collector, one import per service folder. */
export const allCollectors: readonly Collector[] = [
  ...iam,
  ...s3,
  ...ec2,
  // Registered here, not in ec2/index.ts, so it does not collide with work on the other EC2 collectors.
  vpcEndpointsCollector,
  ...rds,
  ...efs,
  ...cloudtrail,
  ...config,
  ...kms,
  ...logs,
  ...cloudwatch,
  ...sns,
  ...accessanalyzer,
  ...securityhub,
  // The data of the CIS 2.0–7.0 requirements.
  ...account,
  ...apigateway,
  ...cloudfront,
  ...elbv2,
  ...lambda,
  ...macie,
  ...organizations,
  ...secretsmanager,
  ...sqs,
  // AWS Foundational Security Best Practices (issue 11).
  ...guardduty,
  ...dynamodb,
  ...dax,
  ...ecr,
  ...acm,
  ...ssm,
  ...eks,
];

export const services: readonly string[] = [...new Set(allCollectors.map((c) => c.service))];
