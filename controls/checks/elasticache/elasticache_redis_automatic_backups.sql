-- FSBP ElastiCache.1: Redis OSS (and Valkey, the same engine lineage) caches keep automatic backups at least 1 day
-- (SnapshotRetentionLimit >= 1, the control's default). A replication group holds the setting for its members, so
-- groups are judged themselves and cache clusters only when standalone; Memcached has no backups and is out of
-- scope. A retention not reported fails.
SELECT
  g.arn AS resource_id,
  g.account_id,
  g.region,
  CASE WHEN g.snapshot_retention_limit IS NULL THEN 'The backup retention of ElastiCache replication group ' || g.id || ' was not reported'
       ELSE 'ElastiCache replication group ' || g.id || ' has no automatic backups (retention 0 days)' END AS reason,
  g.id AS cache_id
FROM aws_elasticache_replication_groups g
WHERE coalesce(g.snapshot_retention_limit, 0) < 1
UNION ALL
SELECT
  c.arn,
  c.account_id,
  c.region,
  CASE WHEN c.snapshot_retention_limit IS NULL THEN 'The backup retention of ElastiCache cluster ' || c.id || ' was not reported'
       ELSE 'ElastiCache cluster ' || c.id || ' has no automatic backups (retention 0 days)' END,
  c.id
FROM aws_elasticache_clusters c
WHERE c.replication_group_id IS NULL
  AND c.engine IN ('redis', 'valkey')
  AND coalesce(c.snapshot_retention_limit, 0) < 1
ORDER BY 2, 3, 1;
