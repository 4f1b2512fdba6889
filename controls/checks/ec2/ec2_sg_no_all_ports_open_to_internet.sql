-- No inbound rule opens every port to the whole internet, over IPv4 or IPv6: all traffic (protocol -1), or TCP or
-- UDP over the whole port range (1-65535, port 0 being reserved). The source is the whole internet when it is a /0
-- block or a managed prefix list holding one; a prefix list whose entries are unknown counts as open rather than
-- closed. One row per security group.
WITH open_rules AS (
  SELECT
    r.account_id, r.region, r.group_id, r.security_group_rule_id,
    regexp_replace(r.arn, ':security-group-rule/.*$', ':security-group/' || r.group_id) AS group_arn,
    coalesce(r.cidr_ipv4, r.cidr_ipv6, 'prefix list ' || r.prefix_list_id) || ' ' ||
      CASE WHEN lower(r.ip_protocol) IN ('-1', 'all') THEN 'all traffic' ELSE r.ip_protocol || ' ' || r.from_port || '-' || r.to_port END ||
      CASE WHEN r.prefix_list_id IS NOT NULL AND pl.contains_world IS NULL THEN ' (entries unknown)' ELSE '' END AS rule
  FROM aws_ec2_security_group_rules r
  LEFT JOIN aws_ec2_managed_prefix_lists pl
    ON pl.account_id = r.account_id AND pl.region = r.region AND pl.prefix_list_id = r.prefix_list_id
  WHERE NOT r.is_egress
    AND (lower(r.ip_protocol) IN ('-1', 'all')
         OR (lower(r.ip_protocol) IN ('tcp', '6', 'udp', '17') AND r.from_port <= 1 AND r.to_port >= 65535))
    AND (r.cidr_ipv4 LIKE '%/0' OR r.cidr_ipv6 LIKE '%/0'
         OR (r.prefix_list_id IS NOT NULL AND pl.contains_world IS NOT FALSE))
)
SELECT
  coalesce(g.arn, o.group_arn) AS resource_id,
  o.account_id,
  o.region,
  'Security group opens every port to the whole internet: ' || string_agg(o.rule, ', ' ORDER BY o.rule) AS reason,
  o.group_id,
  g.group_name,
  g.vpc_id,
  list(o.security_group_rule_id ORDER BY o.security_group_rule_id) AS rule_ids
FROM open_rules o
LEFT JOIN aws_ec2_security_groups g ON g.account_id = o.account_id AND g.region = o.region AND g.group_id = o.group_id
GROUP BY ALL
ORDER BY o.account_id, o.region, o.group_id;
