-- FSBP DocumentDB.2: docdb clusters (the RDS API lists them with the others).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'Amazon DocumentDB cluster ' || c.db_cluster_identifier || CASE WHEN c.backup_retention_period IS NULL THEN ' did not report its backup retention period' ELSE ' keeps backups for fewer than 7 days ('|| c.backup_retention_period ||')' END AS reason,
  c.db_cluster_identifier AS cluster_identifier,
  c.backup_retention_period
FROM aws_rds_db_clusters c
WHERE c.engine = 'docdb' AND (c.backup_retention_period IS NULL OR c.backup_retention_period < 7)
ORDER BY c.account_id, c.region, c.arn;
