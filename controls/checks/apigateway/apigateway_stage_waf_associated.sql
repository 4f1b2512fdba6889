-- FSBP APIGateway.4: every API Gateway REST API stage is associated with an AWS WAF web ACL (GetStages
-- webAclArn). HTTP and WebSocket APIs (v2) cannot use WAF and are not in scope.
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  'REST API ' || coalesce(s.api_name, s.rest_api_id) || ' stage ' || s.stage_name || ' has no AWS WAF web ACL' AS reason,
  s.api_name,
  s.stage_name
FROM aws_apigateway_stages s
WHERE s.web_acl_arn IS NULL OR s.web_acl_arn = ''
ORDER BY s.account_id, s.region, s.arn;
