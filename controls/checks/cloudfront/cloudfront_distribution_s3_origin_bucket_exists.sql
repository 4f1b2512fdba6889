-- FSBP CloudFront.12: no S3 origin (S3OriginConfig) points to a bucket that does not exist (the Config rule
-- cloudfront-s3-origin-non-existent-bucket; website endpoints are custom origins and not judged). Existence is S3's
-- HeadBucket answer, not the inventory: a bucket of another account is invisible to the sync but exists (403).
-- Undecided existence, an unnamed bucket, an origin of unreported kind, or a configuration not read fail.
WITH suspect AS (
  SELECT account_id, distribution_arn,
         origin_id || ' (' || CASE
           WHEN origin_type IS NULL THEN 'origin kind not reported'
           WHEN s3_bucket_name IS NULL THEN 'no bucket in ' || coalesce(domain_name, 'an unreported domain')
           WHEN s3_bucket_exists IS FALSE THEN 'bucket ' || s3_bucket_name || ' does not exist'
           ELSE 'existence of bucket ' || s3_bucket_name || ' not determined' END || ')' AS origin
  FROM aws_cloudfront_origins
  WHERE origin_type IS NULL OR (origin_type = 's3' AND s3_bucket_exists IS NOT TRUE)
)
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  CASE WHEN d.config_read IS NOT TRUE THEN 'The configuration of CloudFront distribution ' || d.id || ' could not be read (sync again)'
       ELSE 'CloudFront distribution ' || d.id || ' has S3 origin(s) without an existing bucket: ' || string_agg(s.origin, ', ' ORDER BY s.origin) END AS reason,
  d.id AS distribution_id,
  list(s.origin ORDER BY s.origin) FILTER (WHERE s.origin IS NOT NULL) AS origins
FROM aws_cloudfront_distributions d
LEFT JOIN suspect s ON s.account_id = d.account_id AND s.distribution_arn = d.arn
GROUP BY d.arn, d.account_id, d.region, d.id, d.config_read
HAVING d.config_read IS NOT TRUE OR count(s.origin) > 0
ORDER BY d.account_id, d.arn;
