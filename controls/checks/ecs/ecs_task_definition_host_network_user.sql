-- FSBP ECS.1: a task definition (latest active revision of its family) in host network mode fails when one of
-- its containers is not privileged (privileged false or unset) and runs as root (user unset or empty, or root).
-- "root" is the principal, not the spelling: the user parameter takes user, uid, user:group or uid:gid, and uid 0 is
-- root whatever it is called, so 'root', '0', 'root:…' and '0:…' are all root.
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  'ECS task definition ' || t.family || ':' || t.revision || ' uses host network mode and runs container(s) '
    || string_agg(c.name, ', ' ORDER BY c.name) || ' as root without privileged set' AS reason,
  t.family,
  list(c.name ORDER BY c.name) AS containers
FROM aws_ecs_task_definitions t
JOIN aws_ecs_container_definitions c
  ON c.account_id = t.account_id AND c.region = t.region AND c.task_definition_arn = t.arn
WHERE t.network_mode = 'host'
  AND c.privileged IS NOT TRUE
  AND (nullif(trim(c."user"), '') IS NULL OR split_part(trim(c."user"), ':', 1) IN ('root', '0'))
GROUP BY t.arn, t.account_id, t.region, t.family, t.revision
ORDER BY t.account_id, t.region, t.arn;
