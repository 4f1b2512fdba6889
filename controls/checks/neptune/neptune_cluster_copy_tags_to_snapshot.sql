-- FSBP Neptune.8: neptune clusters (the RDS API lists them with the others).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'Neptune cluster ' || c.db_cluster_identifier || CASE WHEN c.copy_tags_to_snapshot IS NULL THEN ' did not report its copy tags to snapshot' ELSE ' does not copy its tags to snapshots' END AS reason,
  c.db_cluster_identifier AS cluster_identifier,
  c.copy_tags_to_snapshot
FROM aws_rds_db_clusters c
WHERE c.engine = 'neptune' AND (c.copy_tags_to_snapshot IS NOT TRUE)
ORDER BY c.account_id, c.region, c.arn;
