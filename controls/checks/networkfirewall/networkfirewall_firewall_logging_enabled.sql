-- FSBP NetworkFirewall.2: at least one log type sent anywhere.
SELECT
  f.arn AS resource_id,
  f.account_id,
  f.region,
  'Network Firewall firewall ' || f.name || CASE WHEN f.log_types IS NULL THEN ' did not report its logging configuration'
    ELSE ' sends no logs to any destination' END AS reason,
  f.name AS firewall_name,
  f.vpc_id
FROM aws_networkfirewall_firewalls f
WHERE f.log_types IS NULL OR len(f.log_types) = 0
ORDER BY f.account_id, f.region, f.arn;
