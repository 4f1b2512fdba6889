-- FSBP RDS.12 (Config rule rds-cluster-iam-authentication-enabled). Neptune clusters have their own control
-- (Neptune.7) and DocumentDB has no IAM database authentication: both are left out, as RDS.27 leaves them.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE
    WHEN c.iam_database_authentication_enabled IS NULL THEN 'Whether IAM authentication is on for ' || c.db_cluster_identifier || ' is unknown: sync again'
    ELSE 'IAM database authentication is off for RDS DB cluster ' || c.db_cluster_identifier
  END AS reason,
  c.db_cluster_identifier,
  c.engine
FROM aws_rds_db_clusters c
WHERE coalesce(c.engine, '') NOT IN ('neptune', 'docdb')
  AND c.iam_database_authentication_enabled IS NOT TRUE
ORDER BY c.account_id, c.region, c.arn;
