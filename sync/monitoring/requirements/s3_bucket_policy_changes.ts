import { apiCalls } from '../cloudtrail-event.js';
import type { MonitoringRequirement } from '../requirement.js';

// CIS v3.0.0 4.8 (v1.4/v1.5 4.8) "S3 bucket policy changes": the audit's pattern is ($.eventSource = s3.amazonaws.com)
// && an OR of these nine bucket configuration calls.
export const requirement: MonitoringRequirement = {
  key: 's3_bucket_policy_changes',
  checkId: 'cloudwatch_alarm_s3_bucket_policy_changes',
  cis: '4.8',
  events: apiCalls('s3.amazonaws.com', ['PutBucketAcl', 'PutBucketPolicy', 'PutBucketCors', 'PutBucketLifecycle', 'PutBucketReplication', 'DeleteBucketPolicy', 'DeleteBucketCors', 'DeleteBucketLifecycle', 'DeleteBucketReplication']),
};
