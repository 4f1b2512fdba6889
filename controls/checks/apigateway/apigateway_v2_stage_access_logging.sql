-- FSBP APIGateway.9: every API Gateway v2 stage (HTTP and WebSocket) has access logging configured
-- (AccessLogSettings.DestinationArn). REST stages are APIGateway.1's and the CIS-era access logging check's concern.
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  coalesce(s.protocol_type, 'v2') || ' API ' || coalesce(s.api_name, s.api_id) || ' stage ' || s.stage_name || ' has no access logging' AS reason,
  s.api_name,
  s.protocol_type,
  s.stage_name
FROM aws_apigatewayv2_stages s
WHERE s.access_log_destination_arn IS NULL OR s.access_log_destination_arn = ''
ORDER BY s.account_id, s.region, s.arn;
