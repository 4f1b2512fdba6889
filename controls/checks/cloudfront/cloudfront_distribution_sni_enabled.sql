-- FSBP CloudFront.8: a distribution with a custom certificate serves HTTPS through SNI (the Config rule
-- cloudfront-sni-enabled fails a custom certificate on dedicated IP addresses). Distributions on the default
-- certificate are out of scope. A configuration not read fails; so does a support method not reported.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  CASE WHEN d.config_read IS NOT TRUE THEN 'The configuration of CloudFront distribution ' || d.id || ' could not be read (sync again)'
       ELSE 'CloudFront distribution ' || d.id || ' serves its custom certificate with SSL support method ' || coalesce(d.ssl_support_method, 'not reported') || ', not sni-only' END AS reason,
  d.id AS distribution_id,
  d.ssl_support_method
FROM aws_cloudfront_distributions d
WHERE d.config_read IS NOT TRUE
   OR (d.cloudfront_default_certificate IS NOT TRUE AND coalesce(d.ssl_support_method, '') <> 'sni-only')
ORDER BY d.account_id, d.arn;
