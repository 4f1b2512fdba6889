-- FSBP CloudFront.3: no cache behavior of a distribution, default or path, lets viewers use plain HTTP
-- (ViewerProtocolPolicy allow-all). A distribution whose configuration was not read fails; so does one whose
-- configuration reported no cache behavior at all (every distribution has a default one) or a policy not reported.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  CASE WHEN d.config_read IS NOT TRUE THEN 'The configuration of CloudFront distribution ' || d.id || ' could not be read (sync again)'
       WHEN count(b.distribution_arn) = 0 THEN 'No cache behavior of CloudFront distribution ' || d.id || ' was reported (sync again)'
       ELSE 'CloudFront distribution ' || d.id || ' lets viewers use HTTP (allow-all, or a policy not reported) on cache behavior(s) '
         || string_agg(b.path_pattern, ', ' ORDER BY b.is_default DESC, b.path_pattern) FILTER (WHERE b.viewer_protocol_policy IS NULL OR b.viewer_protocol_policy = 'allow-all') END AS reason,
  d.id AS distribution_id,
  list(b.path_pattern ORDER BY b.is_default DESC, b.path_pattern) FILTER (WHERE b.viewer_protocol_policy IS NULL OR b.viewer_protocol_policy = 'allow-all') AS http_path_patterns
FROM aws_cloudfront_distributions d
LEFT JOIN aws_cloudfront_cache_behaviors b
  ON b.account_id = d.account_id AND b.distribution_arn = d.arn
GROUP BY d.arn, d.account_id, d.region, d.id, d.config_read
HAVING d.config_read IS NOT TRUE
    OR count(b.distribution_arn) = 0
    OR count(*) FILTER (WHERE b.viewer_protocol_policy IS NULL OR b.viewer_protocol_policy = 'allow-all') > 0
ORDER BY d.account_id, d.arn;
