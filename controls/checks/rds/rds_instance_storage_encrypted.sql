SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  'DB instance storage is not encrypted at rest' AS reason,
  d.db_instance_identifier,
  d.engine
FROM aws_rds_db_instances d
WHERE d.storage_encrypted IS NOT TRUE
ORDER BY d.account_id, d.region, d.db_instance_identifier;
