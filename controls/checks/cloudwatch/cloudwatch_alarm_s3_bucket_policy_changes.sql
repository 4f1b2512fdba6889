-- CIS 4.8: a metric filter for S3 bucket policy changes, on the CloudWatch Logs group of a multi-region,
-- logging, all-management-events trail, watched by an alarm that notifies an SNS topic with a confirmed
-- subscription. Each term must appear as written (any order, spacing or quoting); extra terms that narrow
-- the noise are allowed. The chain and its reasons live in calabi_cis_monitoring_failures (schema/sql-objects.ts).
SELECT *
FROM calabi_cis_monitoring_failures([
  '$.eventSource = s3.amazonaws.com',
  '$.eventName = PutBucketAcl',
  '$.eventName = PutBucketPolicy',
  '$.eventName = PutBucketCors',
  '$.eventName = PutBucketLifecycle',
  '$.eventName = PutBucketReplication',
  '$.eventName = DeleteBucketPolicy',
  '$.eventName = DeleteBucketCors',
  '$.eventName = DeleteBucketLifecycle',
  '$.eventName = DeleteBucketReplication'
])
