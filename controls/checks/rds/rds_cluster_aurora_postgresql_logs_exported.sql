-- FSBP RDS.37 (Config rule rds-aurora-postgresql-logs-to-cloudwatch): Aurora PostgreSQL clusters export the
-- postgresql log to CloudWatch Logs.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'Aurora PostgreSQL DB cluster ' || c.db_cluster_identifier || ' does not export the postgresql log to CloudWatch Logs' AS reason,
  c.db_cluster_identifier,
  c.engine,
  c.enabled_cloudwatch_logs_exports
FROM aws_rds_db_clusters c
WHERE c.engine = 'aurora-postgresql'
  AND NOT list_contains(coalesce(c.enabled_cloudwatch_logs_exports, []), 'postgresql')
ORDER BY c.account_id, c.region, c.arn;
