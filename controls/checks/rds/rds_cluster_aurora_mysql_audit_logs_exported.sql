-- FSBP RDS.34 (Config rule rds-aurora-mysql-audit-logging-enabled): Aurora MySQL clusters export the audit log.
-- Aurora Serverless v1 (engine mode serverless) is out of scope, as the control says. The parameter-group route
-- (server_audit_logs_upload 1) is not read: Calabi does not collect cluster parameter groups, so it fails here.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'Aurora MySQL DB cluster ' || c.db_cluster_identifier || ' does not export its audit log to CloudWatch Logs' AS reason,
  c.db_cluster_identifier,
  c.engine,
  c.enabled_cloudwatch_logs_exports
FROM aws_rds_db_clusters c
WHERE c.engine IN ('aurora', 'aurora-mysql')
  AND coalesce(c.engine_mode, '') <> 'serverless'
  AND NOT list_contains(coalesce(c.enabled_cloudwatch_logs_exports, []), 'audit')
ORDER BY c.account_id, c.region, c.arn;
