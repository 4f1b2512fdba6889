-- FSBP WAF.12 (on rule groups, as its Config rule wafv2-rulegroup-logging-enabled; a group without rules is not applicable).
-- CloudFront web ACLs and rule groups are synced with us-east-1 (region us-east-1, scope CLOUDFRONT).
SELECT
  g.arn AS resource_id,
  g.account_id,
  g.region,
  'AWS WAF rule group ' || g.name || ' (' || g.scope || ')' || CASE WHEN g.metrics_enabled IS NULL THEN ' did not report its CloudWatch metrics setting' ELSE ' does not send CloudWatch metrics' END AS reason,
  g.name AS rule_group_name,
  g.scope,
  g.rules_without_metrics
FROM aws_wafv2_rule_groups g
WHERE (g.rule_count IS NULL OR g.rule_count > 0) AND g.metrics_enabled IS NOT TRUE
ORDER BY g.account_id, g.region, g.arn;
