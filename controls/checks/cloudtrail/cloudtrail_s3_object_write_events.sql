-- CIS 3.8: S3 object-level write events are recorded for every bucket, present and future, by a trail
-- that is logging and multi-region (a single-region trail misses buckets of other regions). Selectors naming
-- single buckets do not pass: a bucket created tomorrow would go unlogged. s3_object_write_arns holds
-- 'arn:<partition>:s3:::' when classic or advanced selectors cover every bucket (see sync/cloudtrail/selectors.ts).
SELECT 'arn:' || a.partition || ':iam::' || a.account_id || ':root' AS resource_id, a.account_id, a.region,
       CASE
         WHEN count(t.arn) = 0 THEN 'No CloudTrail trail, so no S3 object-level write events are recorded'
         WHEN count(t.arn) FILTER (WHERE t.covers_all) = 0 THEN 'No trail records S3 object-level write events for all buckets'
         ELSE 'The trails recording S3 object-level write events for all buckets are not multi-region and logging ('
              || string_agg(t.name, ', ' ORDER BY t.name) FILTER (WHERE t.covers_all) || ')'
       END AS reason,
       list(t.name ORDER BY t.name) FILTER (WHERE t.covers_all) AS trails_covering_all_buckets
FROM aws_accounts a
LEFT JOIN (
  SELECT account_id, arn, name, is_multi_region, is_logging,
         EXISTS (SELECT 1 FROM unnest(s3_object_write_arns) AS u(x) WHERE regexp_matches(x, '^arn:[^:]+:s3:::$')) AS covers_all
  FROM aws_cloudtrail_trails
) t ON t.account_id = a.account_id
GROUP BY a.account_id, a.region, a.partition
HAVING count(*) FILTER (WHERE t.covers_all AND t.is_multi_region AND t.is_logging) = 0
