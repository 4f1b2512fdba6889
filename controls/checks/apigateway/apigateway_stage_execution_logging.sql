-- FSBP APIGateway.1 (REST stages): execution logging at ERROR or INFO for every method, as the Config rule
-- api-gw-execution-logging-enabled judges (loggingLevel ERROR or INFO). The stage default is the method setting
-- '*/*'; an override of a single method at OFF, or with no level reported, fails the stage too.
WITH levels AS (
  SELECT s.arn, e.key AS method, json_extract_string(e.value, '$.loggingLevel') AS level
  FROM aws_apigateway_stages s, json_each(coalesce(s.method_settings, '{}'::JSON)) AS e
), judged AS (
  SELECT
    s.arn,
    max(l.level) FILTER (WHERE l.method = '*/*') AS default_level,
    list(l.method || '=' || coalesce(l.level, 'not reported') ORDER BY l.method)
      FILTER (WHERE l.method <> '*/*' AND (l.level IS NULL OR l.level NOT IN ('ERROR', 'INFO'))) AS unlogged_methods
  FROM aws_apigateway_stages s
  LEFT JOIN levels l ON l.arn = s.arn
  GROUP BY s.arn
)
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  'REST API ' || coalesce(s.api_name, s.rest_api_id) || ' stage ' || s.stage_name || CASE
    WHEN j.default_level IS NULL OR j.default_level NOT IN ('ERROR', 'INFO') THEN ' has execution logging ' || coalesce(j.default_level, 'off (no default method setting)')
    ELSE ' turns execution logging off for method(s) ' || array_to_string(j.unlogged_methods, ', ') END AS reason,
  s.api_name,
  s.stage_name,
  j.default_level AS logging_level,
  j.unlogged_methods
FROM aws_apigateway_stages s
JOIN judged j ON j.arn = s.arn
WHERE j.default_level IS NULL OR j.default_level NOT IN ('ERROR', 'INFO') OR len(coalesce(j.unlogged_methods, [])) > 0
ORDER BY s.account_id, s.region, s.arn;
