-- FSBP CloudFront.9: traffic to custom origins is encrypted: the Config rule cloudfront-traffic-to-origin-encrypted
-- fails OriginProtocolPolicy http-only, and match-viewer when ViewerProtocolPolicy is allow-all. The rule judges the
-- distribution as a whole, so match-viewer fails when any cache behavior of the distribution allows HTTP. A
-- custom origin without a reported policy fails; a configuration not read fails.
WITH http_viewers AS (
  SELECT account_id, distribution_arn
  FROM aws_cloudfront_cache_behaviors
  WHERE viewer_protocol_policy IS NULL OR viewer_protocol_policy = 'allow-all'
  GROUP BY account_id, distribution_arn
), plain AS (
  SELECT o.account_id, o.distribution_arn, o.origin_id || ' (' || coalesce(o.origin_protocol_policy, 'policy not reported') || ')' AS origin
  FROM aws_cloudfront_origins o
  LEFT JOIN http_viewers v ON v.account_id = o.account_id AND v.distribution_arn = o.distribution_arn
  WHERE o.origin_type = 'custom'
    AND (o.origin_protocol_policy IS NULL OR o.origin_protocol_policy = 'http-only'
         OR (o.origin_protocol_policy = 'match-viewer' AND v.distribution_arn IS NOT NULL))
)
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  CASE WHEN d.config_read IS NOT TRUE THEN 'The configuration of CloudFront distribution ' || d.id || ' could not be read (sync again)'
       ELSE 'CloudFront distribution ' || d.id || ' may reach custom origin(s) over HTTP: ' || string_agg(p.origin, ', ' ORDER BY p.origin) END AS reason,
  d.id AS distribution_id,
  list(p.origin ORDER BY p.origin) FILTER (WHERE p.origin IS NOT NULL) AS origins
FROM aws_cloudfront_distributions d
LEFT JOIN plain p ON p.account_id = d.account_id AND p.distribution_arn = d.arn
GROUP BY d.arn, d.account_id, d.region, d.id, d.config_read
HAVING d.config_read IS NOT TRUE OR count(p.origin) > 0
ORDER BY d.account_id, d.arn;
