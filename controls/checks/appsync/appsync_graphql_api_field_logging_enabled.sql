-- FSBP AppSync.2 (Config rule appsync-logging-enabled, no fieldLoggingLevel parameter as Security Hub runs it):
-- field-level logging is on when the API has a logConfig whose fieldLogLevel is anything but NONE (ERROR, INFO,
-- DEBUG or ALL). No logConfig at all means no logging.
SELECT
  a.arn AS resource_id,
  a.account_id,
  a.region,
  CASE
    WHEN a.log_configured IS NULL THEN 'The logging configuration of GraphQL API ' || a.name || ' was not reported: field-level logging cannot be shown to be on (sync again)'
    WHEN NOT a.log_configured THEN 'GraphQL API ' || a.name || ' has no logging configuration: field-level logging is off'
    WHEN a.field_log_level IS NULL THEN 'The field log level of GraphQL API ' || a.name || ' was not reported: field-level logging cannot be shown to be on (sync again)'
    ELSE 'GraphQL API ' || a.name || ' logs no field-level activity (fieldLogLevel NONE)'
  END AS reason,
  a.name AS api,
  a.api_id,
  a.field_log_level
FROM aws_appsync_graphql_apis a
WHERE a.log_configured IS DISTINCT FROM true OR a.field_log_level IS NULL OR a.field_log_level = 'NONE'
ORDER BY a.account_id, a.region, a.name;
