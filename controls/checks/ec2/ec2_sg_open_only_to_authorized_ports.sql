-- FSBP EC2.18 (Config rule vpc-sg-open-only-to-authorized-ports) with Security Hub's default parameters:
-- authorizedTcpPorts [80, 443], authorizedUdpPorts none (docs.aws.amazon.com/securityhub/latest/userguide/
-- ec2-controls.html#ec2-18). A rule open to the whole internet (shared view calabi_sg_world_ingress_rules) fails
-- when it allows all traffic, TCP on any port but exactly 80 or 443 (a range 80-443 opens 81-442 too), or UDP on
-- any port. The Config rule asks about TCP and UDP connections: ICMP and other port-less protocols are not judged.
SELECT
  group_arn AS resource_id,
  account_id,
  region,
  'Security group allows the whole internet to reach ports other than TCP 80 and 443: ' || string_agg(rule, ', ' ORDER BY rule) AS reason,
  group_id,
  group_name,
  vpc_id,
  list(security_group_rule_id ORDER BY security_group_rule_id) AS rule_ids
FROM calabi_sg_world_ingress_rules
WHERE protocol IN ('all', 'udp')
   OR (protocol = 'tcp' AND NOT (from_port = to_port AND from_port IN (80, 443)))
GROUP BY ALL
ORDER BY account_id, region, group_id;
