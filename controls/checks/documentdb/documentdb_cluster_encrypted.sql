-- FSBP DocumentDB.1: docdb clusters (the RDS API lists them with the others).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'Amazon DocumentDB cluster ' || c.db_cluster_identifier || CASE WHEN c.storage_encrypted IS NULL THEN ' did not report its storage encrypted' ELSE ' is not encrypted at rest' END AS reason,
  c.db_cluster_identifier AS cluster_identifier,
  c.storage_encrypted
FROM aws_rds_db_clusters c
WHERE c.engine = 'docdb' AND (c.storage_encrypted IS NOT TRUE)
ORDER BY c.account_id, c.region, c.arn;
