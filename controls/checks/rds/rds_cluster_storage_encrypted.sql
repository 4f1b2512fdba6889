-- FSBP RDS.27: every RDS DB cluster's storage is encrypted (DescribeDBClusters StorageEncrypted). Neptune and
-- DocumentDB clusters are left to their own FSBP controls (Neptune.1, DocumentDB.1).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'RDS DB cluster ' || c.db_cluster_identifier || ' is not encrypted at rest' AS reason,
  c.db_cluster_identifier,
  c.engine
FROM aws_rds_db_clusters c
WHERE coalesce(c.engine, '') NOT IN ('neptune', 'docdb')
  AND c.storage_encrypted IS NOT TRUE
ORDER BY c.account_id, c.region, c.arn;
