-- FSBP CloudFront.10: no custom origin accepts SSLv3 between the edge and the origin (OriginSslProtocols lists
-- SSLv3). TLSv1 and TLSv1.1 are not this control's concern. A configuration not read fails.
WITH sslv3 AS (
  SELECT account_id, distribution_arn, origin_id
  FROM aws_cloudfront_origins
  WHERE list_contains(origin_ssl_protocols, 'SSLv3')
)
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  CASE WHEN d.config_read IS NOT TRUE THEN 'The configuration of CloudFront distribution ' || d.id || ' could not be read (sync again)'
       ELSE 'CloudFront distribution ' || d.id || ' offers SSLv3 to custom origin(s) ' || string_agg(s.origin_id, ', ' ORDER BY s.origin_id) END AS reason,
  d.id AS distribution_id,
  list(s.origin_id ORDER BY s.origin_id) FILTER (WHERE s.origin_id IS NOT NULL) AS origins
FROM aws_cloudfront_distributions d
LEFT JOIN sslv3 s ON s.account_id = d.account_id AND s.distribution_arn = d.arn
GROUP BY d.arn, d.account_id, d.region, d.id, d.config_read
HAVING d.config_read IS NOT TRUE OR count(s.origin_id) > 0
ORDER BY d.account_id, d.arn;
