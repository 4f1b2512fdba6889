-- FSBP ElastiCache.7: no ElastiCache cache cluster uses the subnet group named default; a subnet group not
-- reported fails.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE WHEN c.cache_subnet_group_name IS NULL THEN 'The subnet group of ElastiCache cluster ' || c.id || ' was not reported'
       ELSE 'ElastiCache cluster ' || c.id || ' uses the default subnet group' END AS reason,
  c.id AS cache_cluster_id,
  c.engine
FROM aws_elasticache_clusters c
WHERE c.cache_subnet_group_name IS NULL OR c.cache_subnet_group_name = 'default'
ORDER BY c.account_id, c.region, c.arn;
