-- FSBP RDS.17: DB instances copy tags to snapshots. Instances of an Aurora or Multi-AZ DB cluster are left out, as
-- for RDS.8: their snapshots are cluster snapshots, governed by the cluster's own setting (RDS.16).
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  CASE
    WHEN i.copy_tags_to_snapshot IS NULL THEN 'Whether ' || i.db_instance_identifier || ' copies tags to snapshots is unknown: sync again'
    ELSE 'RDS DB instance ' || i.db_instance_identifier || ' does not copy tags to snapshots'
  END AS reason,
  i.db_instance_identifier,
  i.engine
FROM aws_rds_db_instances i
WHERE i.db_cluster_identifier IS NULL
  AND i.copy_tags_to_snapshot IS NOT TRUE
ORDER BY i.account_id, i.region, i.arn;
