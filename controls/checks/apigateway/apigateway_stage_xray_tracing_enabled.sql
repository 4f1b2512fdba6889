-- FSBP APIGateway.3: every API Gateway REST API stage has X-Ray active tracing on (GetStages tracingEnabled).
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  'REST API ' || coalesce(s.api_name, s.rest_api_id) || ' stage ' || s.stage_name || ' has no X-Ray tracing' AS reason,
  s.api_name,
  s.stage_name
FROM aws_apigateway_stages s
WHERE s.tracing_enabled IS NOT TRUE
ORDER BY s.account_id, s.region, s.arn;
