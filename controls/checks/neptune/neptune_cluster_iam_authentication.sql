-- FSBP Neptune.7: neptune clusters (the RDS API lists them with the others).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'Neptune cluster ' || c.db_cluster_identifier || CASE WHEN c.iam_database_authentication_enabled IS NULL THEN ' did not report its iam database authentication enabled' ELSE ' does not use IAM database authentication' END AS reason,
  c.db_cluster_identifier AS cluster_identifier,
  c.iam_database_authentication_enabled
FROM aws_rds_db_clusters c
WHERE c.engine = 'neptune' AND (c.iam_database_authentication_enabled IS NOT TRUE)
ORDER BY c.account_id, c.region, c.arn;
