-- FSBP Neptune.4: neptune clusters (the RDS API lists them with the others).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'Neptune cluster ' || c.db_cluster_identifier || CASE WHEN c.deletion_protection IS NULL THEN ' did not report its deletion protection' ELSE ' has deletion protection off' END AS reason,
  c.db_cluster_identifier AS cluster_identifier,
  c.deletion_protection
FROM aws_rds_db_clusters c
WHERE c.engine = 'neptune' AND (c.deletion_protection IS NOT TRUE)
ORDER BY c.account_id, c.region, c.arn;
