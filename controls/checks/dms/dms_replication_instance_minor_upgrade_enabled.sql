-- FSBP DMS.6.
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  'DMS replication instance ' || i.identifier || CASE WHEN i.auto_minor_version_upgrade IS NULL THEN ' did not report its automatic minor version upgrade setting'
    ELSE ' does not apply minor version upgrades automatically' END AS reason,
  i.identifier AS replication_instance,
  i.engine_version
FROM aws_dms_replication_instances i
WHERE i.auto_minor_version_upgrade IS NOT TRUE
ORDER BY i.account_id, i.region, i.arn;
