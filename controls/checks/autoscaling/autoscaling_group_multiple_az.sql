-- FSBP AutoScaling.2.
SELECT
  g.arn AS resource_id,
  g.account_id,
  g.region,
  'Auto Scaling group ' || g.name || CASE WHEN g.availability_zones IS NULL THEN ' did not report its Availability Zones'
    ELSE ' launches into one Availability Zone only: ' || array_to_string(g.availability_zones, ', ') END AS reason,
  g.name AS group_name,
  g.availability_zones
FROM aws_autoscaling_groups g
WHERE g.availability_zones IS NULL OR len(g.availability_zones) < 2
ORDER BY g.account_id, g.region, g.arn;
