-- FSBP APIGateway.5: every method of a REST API stage that caches (method setting cachingEnabled true, '*/*' or an
-- override) encrypts its cache data (cacheDataEncrypted true). A caching method whose encryption is not reported fails.
-- Only stages with a cache cluster cache anything: a stage whose cacheClusterEnabled is false is not judged.
WITH caching AS (
  SELECT s.arn, e.key AS method, json_extract_string(e.value, '$.cacheDataEncrypted') AS encrypted
  FROM aws_apigateway_stages s, json_each(coalesce(s.method_settings, '{}'::JSON)) AS e
  WHERE s.cache_cluster_enabled IS NOT FALSE AND json_extract_string(e.value, '$.cachingEnabled') = 'true'
)
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  'REST API ' || coalesce(s.api_name, s.rest_api_id) || ' stage ' || s.stage_name || ' caches unencrypted data for method setting(s) '
    || string_agg(c.method, ', ' ORDER BY c.method) AS reason,
  s.api_name,
  s.stage_name,
  list(c.method ORDER BY c.method) AS methods
FROM aws_apigateway_stages s
JOIN caching c ON c.arn = s.arn
WHERE c.encrypted IS DISTINCT FROM 'true'
GROUP BY s.arn, s.account_id, s.region, s.api_name, s.rest_api_id, s.stage_name
ORDER BY s.account_id, s.region, s.arn;
