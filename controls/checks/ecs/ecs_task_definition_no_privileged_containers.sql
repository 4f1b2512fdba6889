-- FSBP ECS.4: no container of a task definition (latest active revision of its family) is privileged.
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  'ECS task definition ' || t.family || ':' || t.revision || ' runs privileged container(s) ' || string_agg(c.name, ', ' ORDER BY c.name) AS reason,
  t.family,
  list(c.name ORDER BY c.name) AS containers
FROM aws_ecs_task_definitions t
JOIN aws_ecs_container_definitions c
  ON c.account_id = t.account_id AND c.region = t.region AND c.task_definition_arn = t.arn
WHERE c.privileged IS TRUE
GROUP BY t.arn, t.account_id, t.region, t.family, t.revision
ORDER BY t.account_id, t.region, t.arn;
