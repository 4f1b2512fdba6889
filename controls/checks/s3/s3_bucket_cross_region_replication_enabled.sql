-- FSBP S3.7 (Config rule s3-bucket-cross-region-replication-enabled): at least one enabled replication rule whose
-- destination bucket is in another region. A destination ARN carries no region, so the destination is looked up in
-- aws_s3_buckets (any synced account); one not in the inventory cannot be shown to be elsewhere and does not count.
WITH destinations AS (
  SELECT r.account_id, r.arn,
         bool_or(d.region IS NOT NULL AND d.region <> 'unknown' AND d.region <> r.region) AS cross_region,
         list(t.destination ORDER BY t.destination) FILTER (WHERE d.region IS NULL OR d.region = 'unknown') AS unlocated
  FROM aws_s3_bucket_replication r
  CROSS JOIN LATERAL (SELECT unnest(r.enabled_destination_buckets) AS destination) t
  LEFT JOIN aws_s3_buckets d ON d.arn = t.destination
  GROUP BY r.account_id, r.arn
)
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  CASE
    WHEN r.arn IS NULL THEN 'The replication configuration of this bucket was not collected'
    WHEN r.configured IS NOT TRUE THEN 'The bucket has no replication configuration'
    WHEN coalesce(r.enabled_rule_count, 0) = 0 THEN 'No replication rule of the bucket is enabled'
    WHEN len(x.unlocated) > 0 THEN 'No enabled rule replicates to a bucket known to be in another region (not in the inventory: '
         || array_to_string(x.unlocated, ', ') || ')'
    ELSE 'Every enabled replication rule replicates within ' || b.region
  END AS reason,
  b.name AS bucket,
  r.enabled_destination_buckets
FROM aws_s3_buckets b
LEFT JOIN aws_s3_bucket_replication r ON r.account_id = b.account_id AND r.arn = b.arn
LEFT JOIN destinations x ON x.account_id = b.account_id AND x.arn = b.arn
WHERE x.cross_region IS NOT TRUE
ORDER BY b.account_id, b.name;
