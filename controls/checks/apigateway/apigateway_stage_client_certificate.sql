-- FSBP APIGateway.2: every REST API stage has a client certificate for backend authentication (GetStages
-- clientCertificateId). HTTP and WebSocket APIs (v2) are not in the control.
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  'REST API ' || coalesce(s.api_name, s.rest_api_id) || ' stage ' || s.stage_name || ' has no client certificate for backend authentication' AS reason,
  s.api_name,
  s.stage_name
FROM aws_apigateway_stages s
WHERE s.client_certificate_id IS NULL OR s.client_certificate_id = ''
ORDER BY s.account_id, s.region, s.arn;
