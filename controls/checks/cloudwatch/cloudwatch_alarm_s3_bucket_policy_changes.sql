-- CIS 4.8: an alarmed, subscribed metric filter for S3 bucket policy changes on the log group of a multi-region, logging,
-- all-management-events trail. Each term must appear as written here (any order, spacing or quoting); extra
-- terms that narrow the noise are allowed. The chain and its reasons: calabi_cis_monitoring_failures.
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
