-- Automated backups are on when the retention period is at least one day (DescribeDBInstances BackupRetentionPeriod;
-- 0 turns them off). For an instance of an Aurora or Multi-AZ DB cluster the cluster's setting applies, which
-- DescribeDBInstances reports on the instance too. An unknown period fails: no backup can be shown.
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  CASE
    WHEN i.backup_retention_period IS NULL THEN 'The backup retention period of ' || i.db_instance_identifier || ' is unknown: sync again'
    ELSE 'Automated backups are off for ' || i.db_instance_identifier || ' (retention period 0 days)'
  END AS reason,
  i.db_instance_identifier,
  i.backup_retention_period
FROM aws_rds_db_instances i
WHERE i.backup_retention_period IS NULL OR i.backup_retention_period < 1
ORDER BY i.account_id, i.region, i.db_instance_identifier;
