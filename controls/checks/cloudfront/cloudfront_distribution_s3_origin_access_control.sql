-- FSBP CloudFront.13: every S3 origin (S3OriginConfig; S3 website endpoints are custom origins) has an origin
-- access control. A legacy origin access identity (OAI) does not count. An origin of a kind AWS did not report
-- fails: it may be an S3 origin. A configuration not read fails.
WITH unsigned AS (
  SELECT account_id, distribution_arn,
         origin_id || CASE WHEN origin_type IS NULL THEN ' (origin kind not reported)' WHEN origin_access_identity IS NOT NULL THEN ' (legacy OAI only)' ELSE '' END AS origin
  FROM aws_cloudfront_origins
  WHERE (origin_type = 's3' OR origin_type IS NULL) AND coalesce(origin_access_control_id, '') = ''
)
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  CASE WHEN d.config_read IS NOT TRUE THEN 'The configuration of CloudFront distribution ' || d.id || ' could not be read (sync again)'
       ELSE 'CloudFront distribution ' || d.id || ' has S3 origin(s) without origin access control: ' || string_agg(u.origin, ', ' ORDER BY u.origin) END AS reason,
  d.id AS distribution_id,
  list(u.origin ORDER BY u.origin) FILTER (WHERE u.origin IS NOT NULL) AS origins
FROM aws_cloudfront_distributions d
LEFT JOIN unsigned u ON u.account_id = d.account_id AND u.distribution_arn = d.arn
GROUP BY d.arn, d.account_id, d.region, d.id, d.config_read
HAVING d.config_read IS NOT TRUE OR count(u.origin) > 0
ORDER BY d.account_id, d.arn;
