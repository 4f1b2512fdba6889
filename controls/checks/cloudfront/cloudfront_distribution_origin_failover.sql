-- FSBP CloudFront.4: every distribution has origin failover: an origin group with at least two origins (the Config
-- rule cloudfront-origin-failover-enabled). A configuration not read fails.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  CASE WHEN d.config_read IS NOT TRUE THEN 'The configuration of CloudFront distribution ' || d.id || ' could not be read (sync again)'
       WHEN coalesce(d.origin_group_count, 0) = 0 THEN 'CloudFront distribution ' || d.id || ' has no origin group (no origin failover)'
       ELSE 'No origin group of CloudFront distribution ' || d.id || ' has two origins (no origin failover)' END AS reason,
  d.id AS distribution_id,
  d.origin_group_count
FROM aws_cloudfront_distributions d
WHERE d.config_read IS NOT TRUE OR len(coalesce(d.failover_origin_groups, [])) = 0
ORDER BY d.account_id, d.arn;
