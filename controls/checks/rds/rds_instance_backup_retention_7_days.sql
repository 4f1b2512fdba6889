-- FSBP RDS.11: automated backups kept at least 7 days (Config rule db-instance-backup-enabled with Security Hub's
-- backupRetentionMinimum 7; checkReadReplicas false, so read replicas are out of scope). For an instance of an Aurora
-- or Multi-AZ DB cluster DescribeDBInstances reports the cluster's period. An unknown period fails (fail closed).
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  CASE
    WHEN i.backup_retention_period IS NULL THEN 'The backup retention period of ' || i.db_instance_identifier || ' is unknown: sync again'
    WHEN i.backup_retention_period = 0 THEN 'Automated backups are off for ' || i.db_instance_identifier
    ELSE 'Automated backups of ' || i.db_instance_identifier || ' are kept ' || i.backup_retention_period || ' days, fewer than 7'
  END AS reason,
  i.db_instance_identifier,
  i.engine,
  i.backup_retention_period
FROM aws_rds_db_instances i
WHERE i.read_replica_source IS NULL
  AND (i.backup_retention_period IS NULL OR i.backup_retention_period < 7)
ORDER BY i.account_id, i.region, i.arn;
