-- FSBP EC2.15: no subnet assigns a public IPv4 address to the network interfaces launched in it
-- (DescribeSubnets MapPublicIpOnLaunch). Default subnets have it on, and fail like any other.
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  'Subnet ' || s.subnet_id || CASE WHEN s.default_for_az THEN ' (default subnet)' ELSE '' END
    || ' assigns a public IPv4 address to every instance launched in it' AS reason,
  s.subnet_id,
  s.vpc_id,
  s.default_for_az
FROM aws_ec2_subnets s
WHERE s.map_public_ip_on_launch IS TRUE
ORDER BY s.account_id, s.region, s.arn;
