-- FSBP DocumentDB.4: docdb clusters (the RDS API lists them with the others).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'Amazon DocumentDB cluster ' || c.db_cluster_identifier || CASE WHEN c.enabled_cloudwatch_logs_exports IS NULL THEN ' did not report its enabled cloudwatch logs exports' ELSE ' does not export audit logs to CloudWatch Logs' END AS reason,
  c.db_cluster_identifier AS cluster_identifier,
  c.enabled_cloudwatch_logs_exports
FROM aws_rds_db_clusters c
WHERE c.engine = 'docdb' AND (c.enabled_cloudwatch_logs_exports IS NULL OR NOT list_contains(c.enabled_cloudwatch_logs_exports, 'audit'))
ORDER BY c.account_id, c.region, c.arn;
