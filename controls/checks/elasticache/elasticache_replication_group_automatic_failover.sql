-- FSBP ElastiCache.3: every ElastiCache replication group has automatic failover enabled (AutomaticFailover
-- 'enabled'); 'enabling' is not enabled yet, and a status not reported fails.
SELECT
  g.arn AS resource_id,
  g.account_id,
  g.region,
  CASE WHEN g.automatic_failover IS NULL THEN 'The automatic failover status of ElastiCache replication group ' || g.id || ' was not reported'
       ELSE 'ElastiCache replication group ' || g.id || ' has automatic failover ' || g.automatic_failover END AS reason,
  g.id AS replication_group_id,
  g.automatic_failover
FROM aws_elasticache_replication_groups g
WHERE g.automatic_failover IS DISTINCT FROM 'enabled'
ORDER BY g.account_id, g.region, g.arn;
