-- Buckets without a default encryption rule (GetBucketEncryption answered ServerSideEncryptionConfigurationNotFoundError).
-- Since 2023-01-05 AWS gives every bucket SSE-S3 by default, so "are objects encrypted" is moot: the check judges
-- the bucket's own configuration as read, and says what it found rather than assuming objects are unencrypted.
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  'GetBucketEncryption showed no default encryption rule for this bucket (AWS applies SSE-S3 to every bucket by default since 2023-01-05, so its encryption at rest could not be confirmed): set an explicit rule, then sync again' AS reason,
  b.name AS bucket
FROM aws_s3_buckets b
WHERE b.encryption_algorithm IS NULL
ORDER BY b.account_id, b.name;
