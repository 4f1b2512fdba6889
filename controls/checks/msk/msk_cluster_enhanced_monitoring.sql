-- FSBP MSK.2: at least PER_TOPIC_PER_BROKER; serverless clusters have no monitoring levels.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'MSK cluster ' || c.name || CASE WHEN c.enhanced_monitoring IS NULL THEN ' did not report its monitoring level'
    ELSE ' has monitoring level ' || c.enhanced_monitoring || ' (PER_TOPIC_PER_BROKER or finer is asked)' END AS reason,
  c.name AS cluster_name,
  c.enhanced_monitoring
FROM aws_msk_clusters c
WHERE c.cluster_type IS DISTINCT FROM 'SERVERLESS'
  AND (c.enhanced_monitoring IS NULL OR c.enhanced_monitoring NOT IN ('PER_TOPIC_PER_BROKER', 'PER_TOPIC_PER_PARTITION'))
ORDER BY c.account_id, c.region, c.arn;
