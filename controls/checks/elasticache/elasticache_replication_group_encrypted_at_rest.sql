-- FSBP ElastiCache.4: every ElastiCache replication group has encryption at rest (at_rest_encryption_enabled); a setting not reported fails.
SELECT
  g.arn AS resource_id,
  g.account_id,
  g.region,
  CASE WHEN g.at_rest_encryption_enabled IS NULL THEN 'The encryption at rest setting of ElastiCache replication group ' || g.id || ' was not reported'
       ELSE 'ElastiCache replication group ' || g.id || ' is not encrypted at rest' END AS reason,
  g.id AS replication_group_id
FROM aws_elasticache_replication_groups g
WHERE g.at_rest_encryption_enabled IS NOT TRUE
ORDER BY g.account_id, g.region, g.arn;
