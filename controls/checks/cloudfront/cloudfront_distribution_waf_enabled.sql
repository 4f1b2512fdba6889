-- FSBP CloudFront.6: every CloudFront distribution is associated with an AWS WAF web ACL (WAF Classic or WAFv2;
-- DistributionConfig WebACLId, empty when none).
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  'CloudFront distribution ' || d.id || coalesce(' (' || d.domain_name || ')', '') || ' has no AWS WAF web ACL' AS reason,
  d.id AS distribution_id,
  d.domain_name
FROM aws_cloudfront_distributions d
WHERE d.web_acl_id IS NULL OR d.web_acl_id = ''
ORDER BY d.account_id, d.arn;
