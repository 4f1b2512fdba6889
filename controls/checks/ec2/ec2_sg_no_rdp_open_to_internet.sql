-- FSBP EC2.14 (Config rule restricted-common-ports, created as restricted-rdp): no inbound rule lets the whole
-- internet reach TCP port 3389 (RDP), over IPv4 or IPv6. A rule counts when its protocol is TCP and its port range
-- covers 3389, or it allows all traffic; the world-open rules (a /0 block, or a prefix list holding or possibly
-- holding one) come from the shared view calabi_sg_world_ingress_rules. UDP 3389 is RDP's optional second
-- transport, which needs the TCP connection first; the Config rule judges TCP. One row per security group.
SELECT
  group_arn AS resource_id,
  account_id,
  region,
  'Security group allows the whole internet to reach RDP (TCP 3389): ' || string_agg(rule, ', ' ORDER BY rule) AS reason,
  group_id,
  group_name,
  vpc_id,
  list(security_group_rule_id ORDER BY security_group_rule_id) AS rule_ids
FROM calabi_sg_world_ingress_rules
WHERE protocol = 'all' OR (protocol = 'tcp' AND from_port <= 3389 AND to_port >= 3389)
GROUP BY ALL
ORDER BY account_id, region, group_id;
