-- FSBP EC2.16 (Config rule vpc-network-acl-unused-check): a network ACL is associated with at least one subnet.
-- The VPC's default network ACL is out of scope ("the control doesn't generate findings for an unused default
-- network ACL"); an ACL whose default flag is unknown is judged. An association list the inventory does not hold
-- fails: unknown is not "in use".
SELECT
  n.arn AS resource_id,
  n.account_id,
  n.region,
  CASE
    WHEN n.subnet_ids IS NULL THEN 'Network ACL ' || n.network_acl_id || ' has no subnet associations in the inventory: sync again'
    ELSE 'Network ACL ' || n.network_acl_id || ' of ' || coalesce(n.vpc_id, 'an unknown VPC') || ' is associated with no subnet'
  END AS reason,
  n.network_acl_id,
  n.vpc_id
FROM aws_ec2_network_acls n
WHERE n.is_default IS NOT TRUE
  AND coalesce(len(n.subnet_ids), 0) = 0
ORDER BY n.account_id, n.region, n.network_acl_id;
