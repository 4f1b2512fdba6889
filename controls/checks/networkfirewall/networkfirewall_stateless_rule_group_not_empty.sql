-- FSBP NetworkFirewall.6: stateless groups the account owns; stateful groups are out of scope.
SELECT
  g.arn AS resource_id,
  g.account_id,
  g.region,
  'Network Firewall rule group ' || g.name || CASE WHEN g.type IS NULL OR g.rule_count IS NULL THEN ' did not report its type or rules'
    ELSE ' is a stateless rule group without rules' END AS reason,
  g.name AS rule_group_name,
  g.association_count
FROM aws_networkfirewall_rule_groups g
WHERE g.type IS NULL OR (g.type = 'STATELESS' AND (g.rule_count IS NULL OR g.rule_count = 0))
ORDER BY g.account_id, g.region, g.arn;
