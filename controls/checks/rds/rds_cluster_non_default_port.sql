-- FSBP RDS.23 for DB clusters (the control judges "an RDS cluster or instance"): the cluster port is not the
-- engine's default (3306 for MySQL-compatible, 5432 for PostgreSQL-compatible engines). Neptune and DocumentDB
-- clusters are left out, as RDS.27 leaves them. A cluster without a reported port fails (fail closed).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE
    WHEN c.port IS NULL THEN 'The port of RDS DB cluster ' || c.db_cluster_identifier || ' is unknown: sync again'
    ELSE 'RDS DB cluster ' || c.db_cluster_identifier || ' (' || c.engine || ') listens on its engine''s default port ' || c.port
  END AS reason,
  c.db_cluster_identifier,
  c.engine,
  c.port
FROM aws_rds_db_clusters c
WHERE c.engine IN ('mysql', 'aurora', 'aurora-mysql', 'postgres', 'aurora-postgresql')
  AND (c.port IS NULL OR c.port = CASE WHEN c.engine IN ('mysql', 'aurora', 'aurora-mysql') THEN 3306 ELSE 5432 END)
ORDER BY c.account_id, c.region, c.arn;
