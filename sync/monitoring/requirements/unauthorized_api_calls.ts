import { cloudTrailEvent } from '../cloudtrail-event.js';
import type { MonitoringRequirement } from '../requirement.js';

// CIS v3.0.0 4.1 (v1.4/v1.5 4.1) "unauthorized API calls": the audit's pattern is
// { ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") ... }, so every error code ending
// in UnauthorizedOperation (EC2's Client.UnauthorizedOperation) and starting with AccessDenied (AccessDenied,
// AccessDeniedException) must be caught. v3.0 adds && $.sourceIPAddress != "delivery.logs.amazonaws.com" &&
// $.eventName != "HeadBucket" to drop noise, which these ordinary denied calls satisfy.
export const requirement: MonitoringRequirement = {
  key: 'unauthorized_api_calls',
  checkId: 'cloudwatch_alarm_unauthorized_api_calls',
  cis: '4.1',
  events: [
    { label: 'errorCode Client.UnauthorizedOperation', event: cloudTrailEvent('ec2.amazonaws.com', 'RunInstances', { errorCode: 'Client.UnauthorizedOperation', errorMessage: 'You are not authorized to perform this operation.' }) },
    { label: 'errorCode UnauthorizedOperation', event: cloudTrailEvent('ec2.amazonaws.com', 'DescribeInstances', { errorCode: 'UnauthorizedOperation', readOnly: true }) },
    { label: 'errorCode AccessDenied', event: cloudTrailEvent('iam.amazonaws.com', 'CreateUser', { errorCode: 'AccessDenied', errorMessage: 'User is not authorized to perform: iam:CreateUser' }) },
    { label: 'errorCode AccessDeniedException', event: cloudTrailEvent('kms.amazonaws.com', 'Decrypt', { errorCode: 'AccessDeniedException', readOnly: true }) },
  ],
};
