-- FSBP WAF.11.
-- CloudFront web ACLs and rule groups are synced with us-east-1 (region us-east-1, scope CLOUDFRONT).
SELECT
  w.arn AS resource_id,
  w.account_id,
  w.region,
  'AWS WAF web ACL ' || w.name || ' (' || w.scope || ') has no logging configuration' AS reason,
  w.name AS web_acl_name,
  w.scope
FROM aws_wafv2_web_acls w
WHERE w.logging_enabled IS NOT TRUE
ORDER BY w.account_id, w.region, w.arn;
