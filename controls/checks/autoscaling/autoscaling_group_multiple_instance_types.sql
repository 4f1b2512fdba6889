-- FSBP AutoScaling.6: a mixed instances policy with two or more instance types, and two or more zones.
SELECT
  g.arn AS resource_id,
  g.account_id,
  g.region,
  'Auto Scaling group ' || g.name || CASE
    WHEN g.mixed_instances_policy IS NOT TRUE OR len(coalesce(g.instance_types, [])) < 2 THEN ' launches a single instance type (no mixed instances policy with two or more types)'
    ELSE ' launches into fewer than two Availability Zones' END AS reason,
  g.name AS group_name,
  g.instance_types,
  g.availability_zones
FROM aws_autoscaling_groups g
WHERE g.mixed_instances_policy IS NOT TRUE OR len(coalesce(g.instance_types, [])) < 2 OR len(coalesce(g.availability_zones, [])) < 2
ORDER BY g.account_id, g.region, g.arn;
