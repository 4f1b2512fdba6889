-- FSBP RDS.36 (Config rule rds-postgresql-logs-to-cloudwatch, logTypes postgresql): RDS for PostgreSQL instances
-- export the postgresql log. A Multi-AZ DB cluster configures exports on the cluster: its members count the cluster's.
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  'RDS for PostgreSQL DB instance ' || i.db_instance_identifier || ' does not export the postgresql log to CloudWatch Logs' AS reason,
  i.db_instance_identifier,
  i.engine,
  list_distinct(list_concat(coalesce(i.enabled_cloudwatch_logs_exports, []), coalesce(c.enabled_cloudwatch_logs_exports, []))) AS exported_log_types
FROM aws_rds_db_instances i
LEFT JOIN aws_rds_db_clusters c
  ON c.account_id = i.account_id AND c.region = i.region AND c.db_cluster_identifier = i.db_cluster_identifier
WHERE i.engine = 'postgres'
  AND NOT list_contains(list_concat(coalesce(i.enabled_cloudwatch_logs_exports, []), coalesce(c.enabled_cloudwatch_logs_exports, [])), 'postgresql')
ORDER BY i.account_id, i.region, i.arn;
