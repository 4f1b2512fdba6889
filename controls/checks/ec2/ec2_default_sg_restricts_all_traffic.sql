-- CIS 5.4: the default security group of every VPC has no inbound and no outbound rule, so nothing can rely
-- on it by accident.
SELECT
  g.arn AS resource_id,
  g.account_id,
  g.region,
  'Default security group of ' || coalesce(g.vpc_id, 'its VPC') || ' has ' ||
    coalesce(json_array_length(g.ip_permissions), 0) || ' inbound and ' ||
    coalesce(json_array_length(g.ip_permissions_egress), 0) || ' outbound rule(s)' AS reason,
  g.group_id,
  g.vpc_id,
  coalesce(json_array_length(g.ip_permissions), 0) AS inbound_rules,
  coalesce(json_array_length(g.ip_permissions_egress), 0) AS outbound_rules
FROM aws_ec2_security_groups g
WHERE g.is_default
  AND (coalesce(json_array_length(g.ip_permissions), 0) > 0 OR coalesce(json_array_length(g.ip_permissions_egress), 0) > 0)
ORDER BY g.account_id, g.region, g.vpc_id;
