-- FSBP RDS.24 (Config rule rds-cluster-default-admin-check): the master user name is not a default. The rule names
-- 'admin' and 'postgres' as the defaults; Calabi compares case-insensitively ('Admin' fails too, the stricter
-- reading). Neptune and DocumentDB are out of scope, as the control says. An unreported user name fails.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE
    WHEN c.master_username IS NULL THEN 'The administrator user name of ' || c.db_cluster_identifier || ' is unknown: sync again'
    ELSE 'RDS DB cluster ' || c.db_cluster_identifier || ' uses the default administrator user name ' || c.master_username
  END AS reason,
  c.db_cluster_identifier,
  c.engine,
  c.master_username
FROM aws_rds_db_clusters c
WHERE coalesce(c.engine, '') NOT IN ('neptune', 'docdb')
  AND (c.master_username IS NULL OR lower(c.master_username) IN ('admin', 'postgres'))
ORDER BY c.account_id, c.region, c.arn;
