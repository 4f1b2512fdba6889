-- CIS "AWS-managed web front ends have access logging": every stage of a REST API (v1) and of an HTTP or
-- WebSocket API (v2) has access logging, i.e. access log settings with a destination (a CloudWatch Logs group
-- or a Firehose stream). Execution logging (v1 method settings) is not access logging and does not count.
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  'REST API ' || coalesce(s.api_name, s.rest_api_id) || ' stage ' || s.stage_name || ' has no access logging (no access log destination)' AS reason,
  'REST' AS api_type,
  s.api_name,
  s.stage_name
FROM aws_apigateway_stages s
WHERE s.access_log_destination_arn IS NULL
UNION ALL
SELECT
  s.arn,
  s.account_id,
  s.region,
  coalesce(s.protocol_type, 'v2') || ' API ' || coalesce(s.api_name, s.api_id) || ' stage ' || s.stage_name || ' has no access logging (no access log destination)',
  coalesce(s.protocol_type, 'v2'),
  s.api_name,
  s.stage_name
FROM aws_apigatewayv2_stages s
WHERE s.access_log_destination_arn IS NULL
ORDER BY account_id, region, resource_id;
