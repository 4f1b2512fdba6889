-- FSBP AutoScaling.9.
SELECT
  g.arn AS resource_id,
  g.account_id,
  g.region,
  'Auto Scaling group ' || g.name || CASE WHEN g.launch_configuration_name IS NOT NULL THEN ' launches from launch configuration ' || g.launch_configuration_name
    ELSE ' did not report a launch template' END AS reason,
  g.name AS group_name,
  g.launch_configuration_name
FROM aws_autoscaling_groups g
WHERE g.launch_configuration_name IS NOT NULL OR g.launch_template_id IS NULL
ORDER BY g.account_id, g.region, g.arn;
