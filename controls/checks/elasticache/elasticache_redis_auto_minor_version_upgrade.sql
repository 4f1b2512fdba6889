-- FSBP ElastiCache.2: every Redis OSS (or Valkey) cache cluster applies minor version upgrades automatically
-- (AutoMinorVersionUpgrade); a setting not reported fails. Memcached is outside the control.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE WHEN c.auto_minor_version_upgrade IS NULL THEN 'The minor version upgrade setting of ElastiCache cluster ' || c.id || ' was not reported'
       ELSE 'ElastiCache cluster ' || c.id || ' does not apply minor version upgrades automatically' END AS reason,
  c.id AS cache_cluster_id,
  c.replication_group_id
FROM aws_elasticache_clusters c
WHERE c.engine IN ('redis', 'valkey')
  AND c.auto_minor_version_upgrade IS NOT TRUE
ORDER BY c.account_id, c.region, c.arn;
