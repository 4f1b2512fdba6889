-- FSBP NetworkFirewall.4: aws:drop or aws:forward_to_sfe among the default actions (full packets); custom
-- actions (metrics) may accompany either.
SELECT
  p.arn AS resource_id,
  p.account_id,
  p.region,
  'Network Firewall policy ' || p.name || CASE WHEN p.stateless_default_actions IS NULL THEN ' did not report its default action for full packets'
    ELSE ' neither drops nor forwards full packets no stateless rule matched: ' || array_to_string(p.stateless_default_actions, ', ') END AS reason,
  p.name AS policy_name,
  p.stateless_default_actions
FROM aws_networkfirewall_policies p
WHERE p.stateless_default_actions IS NULL OR NOT list_has_any(p.stateless_default_actions, ['aws:drop', 'aws:forward_to_sfe'])
ORDER BY p.account_id, p.region, p.arn;
