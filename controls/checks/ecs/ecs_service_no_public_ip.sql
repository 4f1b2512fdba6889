-- FSBP ECS.2: no ECS service assigns public IP addresses to its tasks (awsvpcConfiguration.assignPublicIp).
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  'ECS service ' || s.name || ' assigns public IP addresses to its tasks' AS reason,
  s.name AS service_name,
  s.cluster_arn
FROM aws_ecs_services s
WHERE s.assign_public_ip = 'ENABLED'
ORDER BY s.account_id, s.region, s.arn;
