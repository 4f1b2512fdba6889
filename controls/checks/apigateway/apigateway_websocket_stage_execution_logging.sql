-- FSBP APIGateway.1 (WebSocket stages): execution logging at ERROR or INFO (DefaultRouteSettings.LoggingLevel),
-- and no route override at OFF. A route override without a level inherits the default (it only sets throttling or
-- metrics). HTTP APIs have no execution logging: not in scope.
WITH overrides AS (
  SELECT s.arn, e.key AS route_key, json_extract_string(e.value, '$') AS level
  FROM aws_apigatewayv2_stages s, json_each(coalesce(s.route_logging_levels, '{}'::JSON)) AS e
  WHERE s.protocol_type = 'WEBSOCKET'
), off_routes AS (
  SELECT arn, list(route_key || '=' || level ORDER BY route_key) AS routes
  FROM overrides
  WHERE level IS NOT NULL AND level NOT IN ('ERROR', 'INFO')
  GROUP BY arn
)
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  'WebSocket API ' || coalesce(s.api_name, s.api_id) || ' stage ' || s.stage_name || CASE
    WHEN s.default_route_logging_level IS NULL OR s.default_route_logging_level NOT IN ('ERROR', 'INFO') THEN ' has execution logging ' || coalesce(s.default_route_logging_level, 'off (not set)')
    ELSE ' turns execution logging off for route(s) ' || array_to_string(o.routes, ', ') END AS reason,
  s.api_name,
  s.stage_name,
  s.default_route_logging_level AS logging_level,
  o.routes AS unlogged_routes
FROM aws_apigatewayv2_stages s
LEFT JOIN off_routes o ON o.arn = s.arn
WHERE s.protocol_type = 'WEBSOCKET'
  AND (s.default_route_logging_level IS NULL OR s.default_route_logging_level NOT IN ('ERROR', 'INFO') OR o.arn IS NOT NULL)
ORDER BY s.account_id, s.region, s.arn;
