-- FSBP EC2.17 (Config rule ec2-instance-multiple-eni-check, no allowed-interface parameter in Security Hub): an
-- instance has at most one network interface attached (ENIs and EFAs alike, as DescribeInstances lists them).
-- Terminated and terminating instances are left out. An interface list the inventory does not hold fails.
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  CASE
    WHEN i.network_interface_ids IS NULL THEN 'Instance ' || i.instance_id || ' has no network interface list in the inventory: sync again'
    ELSE 'Instance ' || i.instance_id || ' has ' || len(i.network_interface_ids) || ' network interfaces attached: ' || array_to_string(list_sort(i.network_interface_ids), ', ')
  END AS reason,
  i.instance_id,
  i.vpc_id,
  i.network_interface_ids
FROM aws_ec2_instances i
WHERE i.state NOT IN ('terminated', 'shutting-down')
  AND (i.network_interface_ids IS NULL OR len(i.network_interface_ids) > 1)
ORDER BY i.account_id, i.region, i.instance_id;
