-- FSBP S3.10 (Config rule s3-version-lifecycle-policy-check): a bucket with versioning Enabled needs a lifecycle
-- configuration with at least one enabled rule, or its noncurrent versions pile up forever. Buckets whose versioning
-- is Suspended or was never enabled are out of scope (the control judges "versioning enabled" buckets).
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  CASE
    WHEN l.arn IS NULL THEN 'The lifecycle configuration of this versioned bucket was not collected'
    WHEN l.configured IS NOT TRUE THEN 'The bucket is versioned and has no lifecycle configuration'
    ELSE 'The bucket is versioned and every lifecycle rule is disabled (' || l.rule_count || ' rules)'
  END AS reason,
  b.name AS bucket,
  b.versioning_status,
  l.rule_count,
  l.enabled_rule_count
FROM aws_s3_buckets b
LEFT JOIN aws_s3_bucket_lifecycle l ON l.account_id = b.account_id AND l.arn = b.arn
WHERE b.versioning_status = 'Enabled'
  AND coalesce(l.enabled_rule_count, 0) = 0
ORDER BY b.account_id, b.name;
