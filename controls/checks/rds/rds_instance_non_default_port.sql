-- FSBP RDS.23 for DB instances outside a cluster (the control leaves cluster members out): the endpoint port is not
-- the engine's default (AWS's documented defaults: MySQL/MariaDB 3306, PostgreSQL 5432, Oracle 1521, SQL Server
-- 1433, Db2 50000). An instance without a reported endpoint port fails (fail closed).
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  CASE
    WHEN i.endpoint_port IS NULL THEN 'The port of RDS DB instance ' || i.db_instance_identifier || ' is unknown: sync again'
    ELSE 'RDS DB instance ' || i.db_instance_identifier || ' (' || i.engine || ') listens on its engine''s default port ' || i.endpoint_port
  END AS reason,
  i.db_instance_identifier,
  i.engine,
  i.endpoint_port
FROM aws_rds_db_instances i
WHERE i.db_cluster_identifier IS NULL
  AND CASE
    WHEN i.engine IN ('mysql', 'mariadb', 'aurora', 'aurora-mysql') THEN 3306
    WHEN i.engine IN ('postgres', 'aurora-postgresql') THEN 5432
    WHEN i.engine LIKE '%oracle%' THEN 1521
    WHEN i.engine LIKE '%sqlserver%' THEN 1433
    WHEN i.engine LIKE 'db2%' THEN 50000
  END IS NOT NULL
  AND (i.endpoint_port IS NULL OR i.endpoint_port = CASE
    WHEN i.engine IN ('mysql', 'mariadb', 'aurora', 'aurora-mysql') THEN 3306
    WHEN i.engine IN ('postgres', 'aurora-postgresql') THEN 5432
    WHEN i.engine LIKE '%oracle%' THEN 1521
    WHEN i.engine LIKE '%sqlserver%' THEN 1433
    WHEN i.engine LIKE 'db2%' THEN 50000
  END)
ORDER BY i.account_id, i.region, i.arn;
