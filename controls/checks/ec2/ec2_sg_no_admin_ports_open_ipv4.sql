-- CIS 5.2: no inbound rule lets the whole IPv4 internet reach a remote administration port (22 SSH, 3389 RDP)
-- over TCP, UDP or all traffic. admin_ports is derived at sync time from the rule's protocol (name or number)
-- and port range. The source is world-wide when it is a /0 block, or a managed prefix list holding one; a
-- prefix list whose entries are unknown (not found, or unreadable: the sync recorded an error and the verdict
-- is ERROR) counts as open rather than closed. One row per security group.
WITH open_rules AS (
  SELECT
    r.account_id, r.region, r.group_id, r.security_group_rule_id,
    regexp_replace(r.arn, ':security-group-rule/.*$', ':security-group/' || r.group_id) AS group_arn,
    CASE WHEN lower(r.ip_protocol) IN ('-1', 'all') THEN 'all traffic' ELSE r.ip_protocol || ' ' || r.from_port || '-' || r.to_port END ||
      CASE
        WHEN r.prefix_list_id IS NULL THEN ''
        WHEN pl.contains_world IS NULL THEN ' from prefix list ' || r.prefix_list_id || ' whose entries are unknown'
        ELSE ' from prefix list ' || r.prefix_list_id
      END AS rule
  FROM aws_ec2_security_group_rules r
  LEFT JOIN aws_ec2_managed_prefix_lists pl
    ON pl.account_id = r.account_id AND pl.region = r.region AND pl.prefix_list_id = r.prefix_list_id
  WHERE NOT r.is_egress
    AND coalesce(len(r.admin_ports), 1) > 0
    AND (r.cidr_ipv4 LIKE '%/0'
         OR (r.prefix_list_id IS NOT NULL AND pl.address_family IS DISTINCT FROM 'IPv6' AND pl.contains_world IS NOT FALSE))
)
SELECT
  coalesce(g.arn, o.group_arn) AS resource_id,
  o.account_id,
  o.region,
  'Security group allows 0.0.0.0/0 to reach port 22 or 3389: ' || string_agg(o.rule, ', ' ORDER BY o.rule) AS reason,
  o.group_id,
  g.group_name,
  g.vpc_id,
  list(o.security_group_rule_id ORDER BY o.security_group_rule_id) AS rule_ids
FROM open_rules o
LEFT JOIN aws_ec2_security_groups g ON g.account_id = o.account_id AND g.region = o.region AND g.group_id = o.group_id
GROUP BY ALL
ORDER BY o.account_id, o.region, o.group_id;
