-- FSBP DMS.7 (Config rule dms-replication-task-targetdb-logging): logging on, TARGET_APPLY and TARGET_LOAD at
-- LOGGER_SEVERITY_DEFAULT or a more detailed level. A component absent from the settings is not reported: fails.
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  'DMS replication task ' || t.identifier || CASE
    WHEN t.logging_enabled IS NULL THEN ' did not report its logging settings'
    WHEN NOT t.logging_enabled THEN ' has logging disabled'
    ELSE ' logs the target below default severity: TARGET_APPLY ' || coalesce(t.target_apply_severity, 'not set')
      || ', TARGET_LOAD ' || coalesce(t.target_load_severity, 'not set') END AS reason,
  t.identifier AS replication_task,
  t.target_apply_severity,
  t.target_load_severity
FROM aws_dms_replication_tasks t
WHERE t.logging_enabled IS NOT TRUE
   OR coalesce(t.target_apply_severity, '') NOT IN ('LOGGER_SEVERITY_DEFAULT', 'LOGGER_SEVERITY_DEBUG', 'LOGGER_SEVERITY_DETAILED_DEBUG')
   OR coalesce(t.target_load_severity, '') NOT IN ('LOGGER_SEVERITY_DEFAULT', 'LOGGER_SEVERITY_DEBUG', 'LOGGER_SEVERITY_DETAILED_DEBUG')
ORDER BY t.account_id, t.region, t.arn;
