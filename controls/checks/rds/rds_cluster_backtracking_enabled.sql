-- FSBP RDS.14 (Config rule aurora-mysql-backtracking-enabled): an Aurora MySQL cluster has a backtrack window.
-- AWS leaves BacktrackWindow out (NULL) or reports 0 when backtracking is off: both fail.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'Backtracking is off for Aurora MySQL DB cluster ' || c.db_cluster_identifier AS reason,
  c.db_cluster_identifier,
  c.engine,
  c.backtrack_window
FROM aws_rds_db_clusters c
WHERE c.engine IN ('aurora', 'aurora-mysql')
  AND coalesce(c.backtrack_window, 0) <= 0
ORDER BY c.account_id, c.region, c.arn;
