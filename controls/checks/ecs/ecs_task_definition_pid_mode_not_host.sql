-- FSBP ECS.3: no task definition (latest active revision of its family) shares the host's process namespace.
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  'ECS task definition ' || t.family || ':' || t.revision || ' shares the host''s process namespace (pidMode host)' AS reason,
  t.family
FROM aws_ecs_task_definitions t
WHERE t.pid_mode = 'host'
ORDER BY t.account_id, t.region, t.arn;
