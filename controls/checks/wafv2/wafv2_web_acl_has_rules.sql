-- FSBP WAF.10.
-- CloudFront web ACLs and rule groups are synced with us-east-1 (region us-east-1, scope CLOUDFRONT).
SELECT
  w.arn AS resource_id,
  w.account_id,
  w.region,
  'AWS WAF web ACL ' || w.name || ' (' || w.scope || ')' || CASE WHEN w.rule_count IS NULL THEN ' did not report its rules' ELSE ' has no rules or rule groups' END AS reason,
  w.name AS web_acl_name,
  w.scope,
  w.rule_count,
  w.default_action
FROM aws_wafv2_web_acls w
WHERE w.rule_count IS NULL OR w.rule_count = 0
ORDER BY w.account_id, w.region, w.arn;
