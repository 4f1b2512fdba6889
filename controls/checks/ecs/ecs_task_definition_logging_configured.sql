-- FSBP ECS.9: every container of a task definition (latest active revision of its family) has a logging
-- configuration with a log driver.
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  'ECS task definition ' || t.family || ':' || t.revision || ' has container(s) without a logging configuration: ' || string_agg(c.name, ', ' ORDER BY c.name) AS reason,
  t.family,
  list(c.name ORDER BY c.name) AS containers
FROM aws_ecs_task_definitions t
JOIN aws_ecs_container_definitions c
  ON c.account_id = t.account_id AND c.region = t.region AND c.task_definition_arn = t.arn
WHERE nullif(c.log_driver, '') IS NULL
GROUP BY t.arn, t.account_id, t.region, t.family, t.revision
ORDER BY t.account_id, t.region, t.arn;
