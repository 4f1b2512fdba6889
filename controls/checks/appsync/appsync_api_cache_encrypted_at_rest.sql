-- FSBP AppSync.1 (Config rule appsync-cache-encryption-at-rest): a GraphQL API's cache is encrypted at rest. The
-- rule judges caches: an API without one (GetApiCache NotFoundException) has nothing to judge and is left out.
-- An API whose cache could not be read, or a cache whose setting was not reported, cannot pass.
SELECT
  c.api_arn AS resource_id,
  c.account_id,
  c.region,
  CASE
    WHEN c.cache_configured IS NULL THEN 'The cache of GraphQL API ' || c.api_name || ' could not be read: it cannot be shown to be encrypted at rest (sync again)'
    WHEN c.at_rest_encryption_enabled IS NULL THEN 'The at-rest encryption of the cache of GraphQL API ' || c.api_name || ' was not reported (sync again)'
    ELSE 'The cache of GraphQL API ' || c.api_name || ' is not encrypted at rest'
  END AS reason,
  c.api_name AS api,
  c.api_id,
  c.cache_type,
  c.at_rest_encryption_enabled
FROM aws_appsync_api_caches c
WHERE c.cache_configured IS NULL OR (c.cache_configured AND c.at_rest_encryption_enabled IS DISTINCT FROM true)
ORDER BY c.account_id, c.region, c.api_name;
