-- FSBP EC2.9: no EC2 instance has a public IPv4 address (DescribeInstances PublicIpAddress: an auto-assigned
-- public IP or an Elastic IP). IPv6 addresses are not in scope of this control.
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  'EC2 instance ' || i.instance_id || ' has the public IPv4 address ' || i.public_ip_address AS reason,
  i.instance_id,
  i.public_ip_address,
  i.state
FROM aws_ec2_instances i
WHERE i.public_ip_address IS NOT NULL
ORDER BY i.account_id, i.region, i.arn;
