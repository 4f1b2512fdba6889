-- Buckets without a default encryption rule (GetBucketEncryption answered ServerSideEncryptionConfigurationNotFoundError).
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  'Bucket has no default encryption configured: objects uploaded without encryption headers are stored unencrypted' AS reason,
  b.name AS bucket
FROM aws_s3_buckets b
WHERE b.encryption_algorithm IS NULL
ORDER BY b.account_id, b.name;
