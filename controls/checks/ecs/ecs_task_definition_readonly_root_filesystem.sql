-- FSBP ECS.5: every container of a task definition (latest active revision of its family) has a read-only root
-- filesystem; readonlyRootFilesystem unset is writable, so it fails.
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  'ECS task definition ' || t.family || ':' || t.revision || ' has container(s) with a writable root filesystem: ' || string_agg(c.name, ', ' ORDER BY c.name) AS reason,
  t.family,
  list(c.name ORDER BY c.name) AS containers
FROM aws_ecs_task_definitions t
JOIN aws_ecs_container_definitions c
  ON c.account_id = t.account_id AND c.region = t.region AND c.task_definition_arn = t.arn
WHERE c.readonly_root_filesystem IS NOT TRUE
GROUP BY t.arn, t.account_id, t.region, t.family, t.revision
ORDER BY t.account_id, t.region, t.arn;
