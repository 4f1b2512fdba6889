-- Server access logging records every request made to the bucket (GetBucketLogging LoggingEnabled); without it,
-- who read or changed an object can be shown only where CloudTrail data events happen to cover the bucket.
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  'Server access logging is off for this bucket' AS reason,
  b.name AS bucket
FROM aws_s3_buckets b
WHERE b.logging_target_bucket IS NULL
ORDER BY b.account_id, b.name;
