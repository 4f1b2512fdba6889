-- FSBP Neptune.3: manual snapshots are the ones AWS lets be shared (automated ones carry public = false).
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  'Neptune DB cluster snapshot ' || s.db_cluster_snapshot_identifier || CASE WHEN s.public IS NULL THEN ' did not report who may restore it'
    ELSE ' is public: any AWS account can restore it' END AS reason,
  s.db_cluster_snapshot_identifier AS snapshot_identifier,
  s.engine,
  s.snapshot_type
FROM aws_rds_db_cluster_snapshots s
WHERE s.engine = 'neptune' AND (s.public IS NOT FALSE)
ORDER BY s.account_id, s.region, s.arn;
