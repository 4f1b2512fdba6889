-- FSBP NetworkFirewall.9.
SELECT
  f.arn AS resource_id,
  f.account_id,
  f.region,
  'Network Firewall firewall ' || f.name || CASE WHEN f.deletion_protection IS NULL THEN ' did not report its deletion protection'
    ELSE ' has deletion protection off' END AS reason,
  f.name AS firewall_name,
  f.vpc_id
FROM aws_networkfirewall_firewalls f
WHERE f.deletion_protection IS NOT TRUE
ORDER BY f.account_id, f.region, f.arn;
