-- FSBP ECS.8: no container of a task definition (latest active revision of its family) passes a variable named
-- AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or ECS_ENGINE_AUTH_DATA in its plain environment. These are the key names
-- the control's AWS Config rule (ecs-no-environment-secrets, secretKeys) matches exactly; names are case-sensitive
-- in a container's environment. Only names are compared: the values are never stored.
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  'ECS task definition ' || t.family || ':' || t.revision || ' passes credentials as plain environment variables: '
    || string_agg(c.name || ' (' || array_to_string(list_sort(list_intersect(c.environment_names, ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'ECS_ENGINE_AUTH_DATA'])), ', ') || ')', ', ' ORDER BY c.name) AS reason,
  t.family,
  list(c.name ORDER BY c.name) AS containers
FROM aws_ecs_task_definitions t
JOIN aws_ecs_container_definitions c
  ON c.account_id = t.account_id AND c.region = t.region AND c.task_definition_arn = t.arn
WHERE list_has_any(coalesce(c.environment_names, []), ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'ECS_ENGINE_AUTH_DATA'])
GROUP BY t.arn, t.account_id, t.region, t.family, t.revision
ORDER BY t.account_id, t.region, t.arn;
