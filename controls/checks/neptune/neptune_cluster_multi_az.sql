-- FSBP Neptune.9: neptune clusters (the RDS API lists them with the others).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'Neptune cluster ' || c.db_cluster_identifier || CASE WHEN c.multi_az IS NULL THEN ' did not report its multi az' ELSE ' has no instances in more than one Availability Zone' END AS reason,
  c.db_cluster_identifier AS cluster_identifier,
  c.multi_az
FROM aws_rds_db_clusters c
WHERE c.engine = 'neptune' AND (c.multi_az IS NOT TRUE)
ORDER BY c.account_id, c.region, c.arn;
