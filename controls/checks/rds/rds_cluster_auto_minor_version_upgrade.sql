-- FSBP RDS.35 (Config rule rds-cluster-auto-minor-version-upgrade-enable): Multi-AZ DB clusters, whose engines are
-- mysql and postgres (Aurora clusters use aurora-*), upgrade minor versions automatically. Unreported fails.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE
    WHEN c.auto_minor_version_upgrade IS NULL THEN 'Whether ' || c.db_cluster_identifier || ' upgrades minor versions automatically is unknown: sync again'
    ELSE 'Automatic minor version upgrade is off for Multi-AZ DB cluster ' || c.db_cluster_identifier
  END AS reason,
  c.db_cluster_identifier,
  c.engine
FROM aws_rds_db_clusters c
WHERE c.engine IN ('mysql', 'postgres')
  AND c.auto_minor_version_upgrade IS NOT TRUE
ORDER BY c.account_id, c.region, c.arn;
