-- The bucket's default encryption rule uses AWS KMS (SSE-KMS or DSSE-KMS), so reading new objects needs permission
-- on a KMS key as well as on the bucket. SSE-S3 (AES256), which AWS applies to every bucket by default since
-- 2023-01-05, encrypts with keys S3 owns: it fails here, and the finding names the algorithm GetBucketEncryption showed.
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  CASE
    WHEN b.encryption_algorithm IS NULL THEN 'GetBucketEncryption showed no default encryption rule for this bucket, so no KMS key is set'
    ELSE 'Default encryption is ' || b.encryption_algorithm || ' (keys S3 manages), not a KMS key'
  END AS reason,
  b.name AS bucket,
  b.encryption_algorithm
FROM aws_s3_buckets b
WHERE b.encryption_algorithm IS NULL OR b.encryption_algorithm NOT IN ('aws:kms', 'aws:kms:dsse')
ORDER BY b.account_id, b.name;
