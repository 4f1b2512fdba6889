-- FSBP DMS.8 (Config rule dms-replication-task-sourcedb-logging): logging on, SOURCE_CAPTURE and SOURCE_UNLOAD
-- at LOGGER_SEVERITY_DEFAULT or a more detailed level. A component absent from the settings is not reported: fails.
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  'DMS replication task ' || t.identifier || CASE
    WHEN t.logging_enabled IS NULL THEN ' did not report its logging settings'
    WHEN NOT t.logging_enabled THEN ' has logging disabled'
    ELSE ' logs the source below default severity: SOURCE_CAPTURE ' || coalesce(t.source_capture_severity, 'not set')
      || ', SOURCE_UNLOAD ' || coalesce(t.source_unload_severity, 'not set') END AS reason,
  t.identifier AS replication_task,
  t.source_capture_severity,
  t.source_unload_severity
FROM aws_dms_replication_tasks t
WHERE t.logging_enabled IS NOT TRUE
   OR coalesce(t.source_capture_severity, '') NOT IN ('LOGGER_SEVERITY_DEFAULT', 'LOGGER_SEVERITY_DEBUG', 'LOGGER_SEVERITY_DETAILED_DEBUG')
   OR coalesce(t.source_unload_severity, '') NOT IN ('LOGGER_SEVERITY_DEFAULT', 'LOGGER_SEVERITY_DEBUG', 'LOGGER_SEVERITY_DETAILED_DEBUG')
ORDER BY t.account_id, t.region, t.arn;
