-- FSBP EC2.12: associated with an instance or a network interface (NAT gateways and load balancers use the latter).
SELECT
  a.arn AS resource_id,
  a.account_id,
  a.region,
  'Elastic IP address ' || coalesce(a.public_ip, a.allocation_id) || ' is not attached to an instance or a network interface' AS reason,
  a.allocation_id,
  a.public_ip
FROM aws_ec2_elastic_ips a
WHERE a.association_id IS NULL AND a.instance_id IS NULL AND a.network_interface_id IS NULL
ORDER BY a.account_id, a.region, a.arn;
