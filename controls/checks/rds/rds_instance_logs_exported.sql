-- FSBP RDS.9 (Config rule rds-logging-enabled): each engine's log types, as the control's table lists them, are
-- exported to CloudWatch Logs. Aurora and Multi-AZ DB clusters configure exports on the cluster, so a member's
-- exports are its own plus its cluster's; a member whose cluster is not in the inventory is judged on its own.
WITH judged AS (
  SELECT
    i.*,
    CASE
    WHEN i.engine LIKE '%oracle%' THEN ['alert', 'audit', 'trace', 'listener']
    WHEN i.engine LIKE '%sqlserver%' THEN ['error', 'agent']
    WHEN i.engine = 'postgres' THEN ['postgresql', 'upgrade']
    WHEN i.engine IN ('mysql', 'mariadb', 'aurora', 'aurora-mysql') THEN ['audit', 'error', 'general', 'slowquery']
    WHEN i.engine = 'aurora-postgresql' THEN ['postgresql']
  END AS required,
    list_distinct(list_concat(coalesce(i.enabled_cloudwatch_logs_exports, []), coalesce(c.enabled_cloudwatch_logs_exports, []))) AS exported
  FROM aws_rds_db_instances i
  LEFT JOIN aws_rds_db_clusters c
    ON c.account_id = i.account_id AND c.region = i.region AND c.db_cluster_identifier = i.db_cluster_identifier
)
SELECT
  j.arn AS resource_id,
  j.account_id,
  j.region,
  'RDS DB instance ' || j.db_instance_identifier || ' (' || j.engine || ') does not export ' ||
    array_to_string(list_filter(j.required, t -> NOT list_contains(j.exported, t)), ', ') || ' to CloudWatch Logs' AS reason,
  j.db_instance_identifier,
  j.engine,
  j.exported AS exported_log_types,
  list_filter(j.required, t -> NOT list_contains(j.exported, t)) AS missing_log_types
FROM judged j
WHERE j.required IS NOT NULL
  AND len(list_filter(j.required, t -> NOT list_contains(j.exported, t))) > 0
ORDER BY j.account_id, j.region, j.arn;
