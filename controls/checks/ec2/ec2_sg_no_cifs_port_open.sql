-- CIS "CIFS access is restricted to trusted networks": no inbound rule lets the whole internet (0.0.0.0/0 or
-- ::/0) reach port 445 (SMB/CIFS). TCP and UDP rules whose range covers 445 count, and so do all-traffic rules
-- (protocol -1); numeric protocols 6 and 17 are TCP and UDP. One row per security group.
WITH open_rules AS (
  SELECT
    r.account_id, r.region, r.group_id, r.security_group_rule_id,
    regexp_replace(r.arn, ':security-group-rule/.*$', ':security-group/' || r.group_id) AS group_arn,
    coalesce(r.cidr_ipv4, r.cidr_ipv6) || ' ' || r.ip_protocol || ' ' ||
      CASE WHEN r.ip_protocol = '-1' THEN 'all ports' ELSE r.from_port || '-' || r.to_port END AS rule
  FROM aws_ec2_security_group_rules r
  WHERE NOT r.is_egress
    AND (r.cidr_ipv4 = '0.0.0.0/0' OR r.cidr_ipv6 = '::/0')
    AND (
      r.ip_protocol = '-1'
      OR (r.ip_protocol IN ('tcp', '6', 'udp', '17') AND r.from_port <= 445 AND r.to_port >= 445)
    )
)
SELECT
  coalesce(g.arn, o.group_arn) AS resource_id,
  o.account_id,
  o.region,
  'Security group allows the internet to reach CIFS/SMB port 445: ' || string_agg(o.rule, ', ' ORDER BY o.rule) AS reason,
  o.group_id,
  g.group_name,
  g.vpc_id,
  list(o.security_group_rule_id ORDER BY o.security_group_rule_id) AS rule_ids
FROM open_rules o
LEFT JOIN aws_ec2_security_groups g ON g.account_id = o.account_id AND g.region = o.region AND g.group_id = o.group_id
GROUP BY ALL
ORDER BY o.account_id, o.region, o.group_id;
