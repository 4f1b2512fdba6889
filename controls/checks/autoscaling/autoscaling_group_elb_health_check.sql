-- FSBP AutoScaling.1: groups with a Classic Load Balancer or target groups; HealthCheckType may list several types.
SELECT
  g.arn AS resource_id,
  g.account_id,
  g.region,
  'Auto Scaling group ' || g.name || ' has a load balancer but health checks ' || coalesce(g.health_check_type, '(not reported)') || ', not ELB' AS reason,
  g.name AS group_name,
  g.load_balancer_names,
  g.target_group_arns
FROM aws_autoscaling_groups g
WHERE len(coalesce(g.load_balancer_names, [])) + len(coalesce(g.target_group_arns, [])) > 0
  AND NOT list_contains(list_transform(string_split(coalesce(g.health_check_type, ''), ','), lambda t: trim(t)), 'ELB')
ORDER BY g.account_id, g.region, g.arn;
