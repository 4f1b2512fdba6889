-- FSBP RDS.7: every RDS DB cluster has deletion protection enabled. Neptune and DocumentDB clusters, which the
-- RDS API also lists, are left to their own FSBP controls (Neptune.4, DocumentDB.5).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'RDS DB cluster ' || c.db_cluster_identifier || ' has no deletion protection' AS reason,
  c.db_cluster_identifier,
  c.engine
FROM aws_rds_db_clusters c
WHERE coalesce(c.engine, '') NOT IN ('neptune', 'docdb')
  AND c.deletion_protection IS NOT TRUE
ORDER BY c.account_id, c.region, c.arn;
