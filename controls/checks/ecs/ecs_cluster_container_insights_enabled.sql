-- FSBP ECS.12: every ECS cluster has Container Insights on ('enhanced' is Container Insights with more detail);
-- a cluster whose setting AWS did not report fails too.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE WHEN c.container_insights IS NULL THEN 'The Container Insights setting of ECS cluster ' || c.name || ' was not reported'
       ELSE 'ECS cluster ' || c.name || ' has Container Insights ' || c.container_insights END AS reason,
  c.name AS cluster_name
FROM aws_ecs_clusters c
WHERE c.container_insights IS NULL OR c.container_insights NOT IN ('enabled', 'enhanced')
ORDER BY c.account_id, c.region, c.arn;
