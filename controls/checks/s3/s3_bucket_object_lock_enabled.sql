-- FSBP S3.15 (Config rule s3-bucket-default-lock-enabled, no mode parameter): Object Lock is enabled on the bucket;
-- any default retention mode, or none, passes.
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  CASE
    WHEN k.arn IS NULL THEN 'The Object Lock configuration of this bucket was not collected'
    ELSE 'Object Lock is not enabled on the bucket'
  END AS reason,
  b.name AS bucket
FROM aws_s3_buckets b
LEFT JOIN aws_s3_bucket_object_lock k ON k.account_id = b.account_id AND k.arn = b.arn
WHERE k.object_lock_enabled IS NOT TRUE
ORDER BY b.account_id, b.name;
