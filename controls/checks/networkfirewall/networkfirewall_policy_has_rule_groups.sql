-- FSBP NetworkFirewall.3: a stateless or a stateful rule group.
SELECT
  p.arn AS resource_id,
  p.account_id,
  p.region,
  'Network Firewall policy ' || p.name || CASE WHEN p.stateless_rule_group_arns IS NULL OR p.stateful_rule_group_arns IS NULL
    THEN ' did not report its rule groups' ELSE ' references no rule group' END AS reason,
  p.name AS policy_name
FROM aws_networkfirewall_policies p
WHERE p.stateless_rule_group_arns IS NULL OR p.stateful_rule_group_arns IS NULL
   OR len(p.stateless_rule_group_arns) + len(p.stateful_rule_group_arns) = 0
ORDER BY p.account_id, p.region, p.arn;
