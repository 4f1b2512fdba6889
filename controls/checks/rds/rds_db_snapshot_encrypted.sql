-- FSBP RDS.4 (DB instance snapshots), automated and manual, every engine.
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  'RDS DB snapshot ' || s.db_snapshot_identifier || CASE WHEN s.encrypted IS NULL THEN ' did not report its encryption'
    ELSE ' is not encrypted at rest' END AS reason,
  s.db_snapshot_identifier AS snapshot_identifier,
  s.engine,
  s.snapshot_type
FROM aws_rds_db_snapshots s
WHERE s.encrypted IS NOT TRUE
ORDER BY s.account_id, s.region, s.arn;
