-- FSBP ElastiCache.6: a replication group on Redis before 6.0 uses Redis AUTH (AuthTokenEnabled). The version is
-- on the member clusters (DescribeReplicationGroups has none); the lowest major version of the members decides. A
-- group without AUTH whose members' versions are not known fails as unknown.
WITH versions AS (
  SELECT c.account_id, c.region, c.replication_group_id, min(TRY_CAST(split_part(c.engine_version, '.', 1) AS INTEGER)) AS major,
         min(c.engine_version) AS engine_version
  FROM aws_elasticache_clusters c
  WHERE c.replication_group_id IS NOT NULL
  GROUP BY c.account_id, c.region, c.replication_group_id
)
SELECT
  g.arn AS resource_id,
  g.account_id,
  g.region,
  CASE WHEN v.major IS NULL THEN 'ElastiCache replication group ' || g.id || ' does not use Redis AUTH and its engine version is unknown'
       ELSE 'ElastiCache replication group ' || g.id || ' runs Redis ' || v.engine_version || ' without Redis AUTH' END AS reason,
  g.id AS replication_group_id,
  v.engine_version
FROM aws_elasticache_replication_groups g
LEFT JOIN versions v ON v.account_id = g.account_id AND v.region = g.region AND v.replication_group_id = g.id
WHERE g.auth_token_enabled IS NOT TRUE
  AND (v.major IS NULL OR v.major < 6)
ORDER BY g.account_id, g.region, g.arn;
