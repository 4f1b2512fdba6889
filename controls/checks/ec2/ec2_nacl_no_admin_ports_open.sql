-- CIS 5.1: no network ACL entry allows inbound traffic from 0.0.0.0/0 or ::/0 to port 22 or 3389. Entries for
-- all protocols (-1, no port range) and TCP (6) entries whose range covers 22 or 3389 count. As in the CIS audit,
-- each allow entry is judged on its own: a lower-numbered deny in front of it is not taken into account.
WITH open_entries AS (
  SELECT
    e.account_id, e.region, e.network_acl_id, e.network_acl_arn, e.vpc_id, e.entry_id,
    'rule ' || e.rule_number || ' ' || coalesce(e.cidr_block, e.ipv6_cidr_block) || ' ' ||
      CASE WHEN e.protocol = '-1' THEN 'all traffic' ELSE 'tcp ' || e.port_from || '-' || e.port_to END AS entry
  FROM aws_ec2_network_acl_entries e
  WHERE NOT e.egress
    AND e.rule_action = 'allow'
    AND (e.cidr_block = '0.0.0.0/0' OR e.ipv6_cidr_block = '::/0')
    AND (
      e.protocol = '-1'
      OR (e.protocol = '6' AND (e.port_from IS NULL OR (e.port_from <= 22 AND e.port_to >= 22) OR (e.port_from <= 3389 AND e.port_to >= 3389)))
    )
)
SELECT
  coalesce(a.arn, o.network_acl_arn) AS resource_id,
  o.account_id,
  o.region,
  'Network ACL allows inbound traffic from anywhere to port 22 or 3389: ' || string_agg(o.entry, ', ' ORDER BY o.entry) AS reason,
  o.network_acl_id,
  o.vpc_id,
  a.is_default,
  list(o.entry_id ORDER BY o.entry_id) AS entry_ids
FROM open_entries o
LEFT JOIN aws_ec2_network_acls a ON a.account_id = o.account_id AND a.region = o.region AND a.network_acl_id = o.network_acl_id
GROUP BY ALL
ORDER BY o.account_id, o.region, o.network_acl_id;
