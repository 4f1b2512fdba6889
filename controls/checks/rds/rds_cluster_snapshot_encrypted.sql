-- FSBP RDS.4 (cluster snapshots), automated and manual; Aurora, Neptune and DocumentDB alike, as the control's text says.
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  'RDS DB cluster snapshot ' || s.db_cluster_snapshot_identifier || CASE WHEN s.storage_encrypted IS NULL THEN ' did not report its encryption'
    ELSE ' is not encrypted at rest' END AS reason,
  s.db_cluster_snapshot_identifier AS snapshot_identifier,
  s.engine,
  s.snapshot_type
FROM aws_rds_db_cluster_snapshots s
WHERE s.storage_encrypted IS NOT TRUE
ORDER BY s.account_id, s.region, s.arn;
