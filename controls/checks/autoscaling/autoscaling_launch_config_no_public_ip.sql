-- FSBP AutoScaling.5; unset fails too: the subnet's setting then decides, which the configuration cannot show.
SELECT
  l.arn AS resource_id,
  l.account_id,
  l.region,
  'Auto Scaling launch configuration ' || l.name || CASE WHEN l.associate_public_ip_address IS NULL
    THEN ' does not set AssociatePublicIpAddress: the subnet decides whether instances get a public IP'
    ELSE ' assigns public IP addresses' END AS reason,
  l.name AS launch_configuration_name
FROM aws_autoscaling_launch_configurations l
WHERE l.associate_public_ip_address IS NOT FALSE
ORDER BY l.account_id, l.region, l.arn;
