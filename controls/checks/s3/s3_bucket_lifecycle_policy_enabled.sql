-- FSBP S3.13 (Config rule s3-lifecycle-policy-check, no parameters): a lifecycle configuration with at least one
-- enabled rule; a configuration whose rules are all Disabled acts on nothing.
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  CASE
    WHEN l.arn IS NULL THEN 'The lifecycle configuration of this bucket was not collected'
    WHEN l.configured IS NOT TRUE THEN 'The bucket has no lifecycle configuration'
    ELSE 'Every lifecycle rule of the bucket is disabled (' || l.rule_count || ' rules)'
  END AS reason,
  b.name AS bucket,
  l.rule_count,
  l.enabled_rule_count
FROM aws_s3_buckets b
LEFT JOIN aws_s3_bucket_lifecycle l ON l.account_id = b.account_id AND l.arn = b.arn
WHERE coalesce(l.enabled_rule_count, 0) = 0
ORDER BY b.account_id, b.name;
