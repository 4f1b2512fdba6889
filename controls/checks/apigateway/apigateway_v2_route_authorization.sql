-- FSBP APIGateway.8: API Gateway v2 routes specify an authorization type (the Config rule
-- api-gwv2-authorization-type-configured fails NONE). WebSocket APIs authorize when the connection opens, on the
-- $connect route only (AWS accepts no authorization on their other routes): those other routes are not judged.
-- A type not reported fails.
SELECT
  r.arn AS resource_id,
  r.account_id,
  r.region,
  coalesce(r.protocol_type, 'v2') || ' API ' || coalesce(r.api_name, r.api_id) || ' route ' || coalesce(r.route_key, r.route_id)
    || CASE WHEN r.authorization_type IS NULL THEN ' reported no authorization type' ELSE ' has authorization type NONE' END AS reason,
  r.api_name,
  r.protocol_type,
  r.route_key
FROM aws_apigatewayv2_routes r
WHERE (r.protocol_type IS DISTINCT FROM 'WEBSOCKET' OR r.route_key = '$connect')
  AND (r.authorization_type IS NULL OR r.authorization_type = 'NONE')
ORDER BY r.account_id, r.region, r.arn;
