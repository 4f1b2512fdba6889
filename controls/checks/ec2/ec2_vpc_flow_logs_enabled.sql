-- CIS 3.7: every VPC has an active flow log on the VPC itself that records rejected traffic (REJECT or ALL).
WITH vpc_logs AS (
  SELECT
    account_id,
    region,
    resource_id AS vpc_id,
    count(*) AS flow_logs,
    count(*) FILTER (WHERE status = 'ACTIVE' AND traffic_type IN ('REJECT', 'ALL')) AS qualifying
  FROM aws_ec2_flow_logs
  GROUP BY account_id, region, resource_id
)
SELECT
  v.arn AS resource_id,
  v.account_id,
  v.region,
  CASE
    WHEN coalesce(l.flow_logs, 0) = 0 THEN 'VPC has no flow log'
    ELSE 'VPC flow logs are not active or record only accepted traffic (traffic type must be REJECT or ALL)'
  END AS reason,
  v.vpc_id,
  v.is_default,
  coalesce(l.flow_logs, 0) AS flow_logs
FROM aws_ec2_vpcs v
LEFT JOIN vpc_logs l ON l.account_id = v.account_id AND l.region = v.region AND l.vpc_id = v.vpc_id
WHERE coalesce(l.qualifying, 0) = 0
ORDER BY v.account_id, v.region, v.vpc_id;
