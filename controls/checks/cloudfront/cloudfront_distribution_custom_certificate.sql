-- FSBP CloudFront.7: every distribution uses a custom SSL/TLS certificate: the Config rule
-- cloudfront-custom-ssl-certificate fails CloudFrontDefaultCertificate true. A distribution reporting neither an ACM
-- nor an IAM certificate also fails (no custom certificate can be shown), as does a configuration not read.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  CASE WHEN d.config_read IS NOT TRUE THEN 'The configuration of CloudFront distribution ' || d.id || ' could not be read (sync again)'
       WHEN d.cloudfront_default_certificate IS NOT FALSE THEN 'CloudFront distribution ' || d.id || ' serves the default *.cloudfront.net certificate'
       ELSE 'CloudFront distribution ' || d.id || ' reports no ACM or IAM certificate' END AS reason,
  d.id AS distribution_id,
  d.domain_name
FROM aws_cloudfront_distributions d
WHERE d.config_read IS NOT TRUE
   OR d.cloudfront_default_certificate IS NOT FALSE
   OR (coalesce(d.acm_certificate_arn, '') = '' AND coalesce(d.iam_certificate_id, '') = '')
ORDER BY d.account_id, d.arn;
