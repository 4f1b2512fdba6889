SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  'Automatic minor version upgrades are off: engine security patches are not applied in the maintenance window' AS reason,
  d.db_instance_identifier,
  d.engine,
  d.engine_version
FROM aws_rds_db_instances d
WHERE d.auto_minor_version_upgrade IS NOT TRUE
ORDER BY d.account_id, d.region, d.db_instance_identifier;
