-- FSBP Neptune.6: automated and manual snapshots of engine neptune.
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  'Neptune DB cluster snapshot ' || s.db_cluster_snapshot_identifier || CASE WHEN s.storage_encrypted IS NULL THEN ' did not report its encryption'
    ELSE ' is not encrypted at rest' END AS reason,
  s.db_cluster_snapshot_identifier AS snapshot_identifier,
  s.engine,
  s.snapshot_type
FROM aws_rds_db_cluster_snapshots s
WHERE s.engine = 'neptune' AND (s.storage_encrypted IS NOT TRUE)
ORDER BY s.account_id, s.region, s.arn;
