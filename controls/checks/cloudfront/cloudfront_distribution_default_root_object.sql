-- FSBP CloudFront.1: every CloudFront distribution has a default root object (DistributionConfig DefaultRootObject,
-- '' when none). A configuration not read fails: the setting cannot be shown.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  CASE WHEN d.config_read IS NOT TRUE THEN 'The configuration of CloudFront distribution ' || d.id || ' could not be read (sync again)'
       ELSE 'CloudFront distribution ' || d.id || coalesce(' (' || d.domain_name || ')', '') || ' has no default root object' END AS reason,
  d.id AS distribution_id,
  d.domain_name
FROM aws_cloudfront_distributions d
WHERE d.config_read IS NOT TRUE OR d.default_root_object IS NULL OR d.default_root_object = ''
ORDER BY d.account_id, d.arn;
