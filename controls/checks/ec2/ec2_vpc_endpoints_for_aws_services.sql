-- CIS "VPC endpoints are used for access to AWS services". Reading (documented in the metadata): a VPC that
-- runs workloads (pending or running EC2 instances, or VPC-attached Lambda functions) has an available S3
-- endpoint: an interface endpoint, or a gateway endpoint associated with at least one route table. S3 is the
-- service every workload reaches (packages, logs, data, backups) and has a free gateway endpoint, so its
-- absence is unambiguous; the other endpoints of the VPC are listed as evidence.
WITH workload AS (
  SELECT account_id, region, vpc_id, count(*) AS instances, 0 AS functions
  FROM aws_ec2_instances WHERE state IN ('pending', 'running') AND vpc_id IS NOT NULL GROUP BY ALL
  UNION ALL
  SELECT account_id, region, vpc_id, 0, count(*)
  FROM aws_lambda_functions WHERE vpc_id IS NOT NULL GROUP BY ALL
),
workload_vpcs AS (
  SELECT account_id, region, vpc_id, sum(instances)::INTEGER AS instances, sum(functions)::INTEGER AS functions
  FROM workload GROUP BY ALL
),
s3_endpoints AS (
  SELECT DISTINCT account_id, region, vpc_id
  FROM aws_ec2_vpc_endpoints
  WHERE service_name LIKE '%.' || region || '.s3'
    AND lower(state) = 'available'
    AND (vpc_endpoint_type = 'Interface' OR (vpc_endpoint_type = 'Gateway' AND len(route_table_ids) > 0))
),
other_endpoints AS (
  SELECT account_id, region, vpc_id, list_sort(list(service_name)) AS services
  FROM aws_ec2_vpc_endpoints GROUP BY ALL
)
SELECT
  v.arn AS resource_id,
  v.account_id,
  v.region,
  'VPC ' || v.vpc_id || ' runs workloads (' || w.instances || ' instance(s), ' || w.functions || ' Lambda function(s)) but has no S3 endpoint: its S3 traffic leaves through a NAT or internet gateway' AS reason,
  v.vpc_id,
  v.is_default,
  w.instances,
  w.functions,
  coalesce(o.services, []) AS endpoint_services
FROM aws_ec2_vpcs v
JOIN workload_vpcs w ON w.account_id = v.account_id AND w.region = v.region AND w.vpc_id = v.vpc_id
LEFT JOIN s3_endpoints e ON e.account_id = v.account_id AND e.region = v.region AND e.vpc_id = v.vpc_id
LEFT JOIN other_endpoints o ON o.account_id = v.account_id AND o.region = v.region AND o.vpc_id = v.vpc_id
WHERE e.vpc_id IS NULL
ORDER BY v.account_id, v.region, v.vpc_id;
