-- FSBP ElastiCache.5: every ElastiCache replication group has encryption in transit enabled
-- (TransitEncryptionEnabled); a setting not reported fails. The mode is evidence: 'preferred' passes the control but
-- still accepts plain connections.
SELECT
  g.arn AS resource_id,
  g.account_id,
  g.region,
  CASE WHEN g.transit_encryption_enabled IS NULL THEN 'The encryption in transit setting of ElastiCache replication group ' || g.id || ' was not reported'
       ELSE 'ElastiCache replication group ' || g.id || ' is not encrypted in transit' END AS reason,
  g.id AS replication_group_id,
  g.transit_encryption_mode
FROM aws_elasticache_replication_groups g
WHERE g.transit_encryption_enabled IS NOT TRUE
ORDER BY g.account_id, g.region, g.arn;
