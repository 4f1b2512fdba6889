-- FSBP Redshift.3: every Redshift cluster has automated snapshots kept at least 7 days (AutomatedSnapshotRetentionPeriod, the
-- control's MinRetentionPeriod default); 0 means automated snapshots are off.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE WHEN c.automated_snapshot_retention_period IS NULL THEN 'The automated snapshot retention of Redshift cluster ' || c.identifier || ' was not reported' WHEN c.automated_snapshot_retention_period = 0 THEN 'Redshift cluster ' || c.identifier || ' takes no automated snapshots' ELSE 'Redshift cluster ' || c.identifier || ' keeps automated snapshots ' || c.automated_snapshot_retention_period || ' day(s), fewer than 7' END AS reason,
  c.identifier AS cluster_identifier,
  c.automated_snapshot_retention_period
FROM aws_redshift_clusters c
WHERE coalesce(c.automated_snapshot_retention_period, 0) < 7
ORDER BY c.account_id, c.region, c.arn;
