-- CIS "the Organizations management account is not used for workloads". Calabi's reading: the synced inventory
-- of a management account holds no workload resources — EC2 instances that are not terminated, RDS DB
-- instances, Lambda functions, Application/Network/Gateway Load Balancers. Up to 20 of them are listed.
WITH management AS (
  SELECT account_id, partition FROM aws_accounts
  WHERE organization_id IS NOT NULL AND account_id = organization_master_account_id
),
workloads AS (
  SELECT account_id, 'EC2 instance' AS kind, arn FROM aws_ec2_instances WHERE state NOT IN ('terminated', 'shutting-down')
  UNION ALL
  SELECT account_id, 'RDS DB instance', arn FROM aws_rds_db_instances
  UNION ALL
  SELECT account_id, 'Lambda function', arn FROM aws_lambda_functions
  UNION ALL
  SELECT account_id, 'load balancer', arn FROM aws_elbv2_load_balancers
),
counts AS (
  SELECT w.account_id, w.kind, count(*) AS n, list(w.arn ORDER BY w.arn) AS arns
  FROM workloads w JOIN management m ON m.account_id = w.account_id
  GROUP BY ALL
)
SELECT
  'arn:' || m.partition || ':iam::' || m.account_id || ':root' AS resource_id,
  m.account_id,
  'global' AS region,
  'The organization management account runs workloads: ' || string_agg(c.n || ' ' || c.kind || '(s)', ', ' ORDER BY c.kind) AS reason,
  list_slice(flatten(list(c.arns ORDER BY c.kind)), 1, 20) AS workload_arns
FROM management m
JOIN counts c ON c.account_id = m.account_id
GROUP BY m.partition, m.account_id
ORDER BY m.account_id;
