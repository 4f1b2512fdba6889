-- FSBP EC2.19 (Config rule restricted-common-ports, created as vpc-sg-restricted-common-ports): no inbound rule
-- lets the whole internet reach a high-risk port. The list is Security Hub's fixed blockedPorts parameter
-- ("not customizable"), copied from the control reference (docs.aws.amazon.com/securityhub/latest/userguide/
-- ec2-controls.html#ec2-19, read 2026-12-01): 20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306,
-- 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300. The Config rule judges TCP: a TCP rule whose
-- range covers one of them counts, and so does an all-traffic rule; UDP rules do not. World-open rules come from
-- the shared view calabi_sg_world_ingress_rules. One row per security group, with the ports reached.
WITH exposed AS (
  SELECT
    w.*,
    list_filter([20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300],
                p -> w.protocol = 'all' OR (w.protocol = 'tcp' AND w.from_port <= p AND w.to_port >= p)) AS ports
  FROM calabi_sg_world_ingress_rules w
  WHERE w.protocol IN ('all', 'tcp')
)
SELECT
  group_arn AS resource_id,
  account_id,
  region,
  'Security group allows the whole internet to reach high-risk TCP ports ' || array_to_string(list_sort(list_distinct(flatten(list(ports)))), ', ')
    || ': ' || string_agg(rule, ', ' ORDER BY rule) AS reason,
  group_id,
  group_name,
  vpc_id,
  list_sort(list_distinct(flatten(list(ports)))) AS ports,
  list(security_group_rule_id ORDER BY security_group_rule_id) AS rule_ids
FROM exposed
WHERE len(ports) > 0
GROUP BY account_id, region, group_arn, group_id, group_name, vpc_id
ORDER BY account_id, region, group_id;
