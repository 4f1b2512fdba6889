-- FSBP RDS.16: Aurora DB clusters (engine aurora, aurora-mysql, aurora-postgresql) copy tags to snapshots.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE
    WHEN c.copy_tags_to_snapshot IS NULL THEN 'Whether ' || c.db_cluster_identifier || ' copies tags to snapshots is unknown: sync again'
    ELSE 'Aurora DB cluster ' || c.db_cluster_identifier || ' does not copy tags to snapshots'
  END AS reason,
  c.db_cluster_identifier,
  c.engine
FROM aws_rds_db_clusters c
WHERE c.engine LIKE 'aurora%'
  AND c.copy_tags_to_snapshot IS NOT TRUE
ORDER BY c.account_id, c.region, c.arn;
