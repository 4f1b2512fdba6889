import type { MonitoringRequirement } from '../requirement.js';
import { requirement as cloudtrailChanges } from './cloudtrail_changes.js';
import { requirement as cmkDisableOrDeletion } from './cmk_disable_or_deletion.js';
import { requirement as configChanges } from './config_changes.js';
import { requirement as consoleAuthFailures } from './console_auth_failures.js';
import { requirement as consoleSigninWithoutMfa } from './console_signin_without_mfa.js';
import { requirement as iamPolicyChanges } from './iam_policy_changes.js';
import { requirement as naclChanges } from './nacl_changes.js';
import { requirement as networkGatewayChanges } from './network_gateway_changes.js';
import { requirement as organizationsChanges } from './organizations_changes.js';
import { requirement as rootUsage } from './root_usage.js';
import { requirement as routeTableChanges } from './route_table_changes.js';
import { requirement as s3BucketPolicyChanges } from './s3_bucket_policy_changes.js';
import { requirement as securityGroupChanges } from './security_group_changes.js';
import { requirement as unauthorizedApiCalls } from './unauthorized_api_calls.js';
import { requirement as vpcChanges } from './vpc_changes.js';

/** The CIS 4.1–4.15 monitoring requirements, in CIS order. */
export const monitoringRequirements: readonly MonitoringRequirement[] = [
  unauthorizedApiCalls, consoleSigninWithoutMfa, rootUsage, iamPolicyChanges, cloudtrailChanges, consoleAuthFailures,
  cmkDisableOrDeletion, s3BucketPolicyChanges, configChanges, securityGroupChanges, naclChanges, networkGatewayChanges,
  routeTableChanges, vpcChanges, organizationsChanges,
];
