-- FSBP EC2.10 (Config rule vpc-endpoint-enabled with serviceNames ec2): every VPC has a VPC endpoint for the
-- Amazon EC2 API of its region (com.amazonaws.<region>.ec2; cn.com.amazonaws.<region>.ec2 in China). An endpoint
-- counts when it is available: one pending acceptance, failed, rejected, expired or being deleted carries no
-- traffic. VPCs shared from another account are judged too, as Security Hub does (it suggests suppressing them).
WITH ec2_endpoints AS (
  SELECT account_id, region, vpc_id, list_sort(list(vpc_endpoint_id)) AS endpoint_ids
  FROM aws_ec2_vpc_endpoints
  WHERE service_name LIKE '%.' || region || '.ec2'
    AND lower(state) = 'available'
  GROUP BY ALL
),
other_endpoints AS (
  SELECT account_id, region, vpc_id, list_sort(list(service_name || ' (' || coalesce(lower(state), 'unknown state') || ')')) AS endpoints
  FROM aws_ec2_vpc_endpoints GROUP BY ALL
)
SELECT
  v.arn AS resource_id,
  v.account_id,
  v.region,
  'VPC ' || v.vpc_id || ' has no available VPC endpoint for the EC2 API (com.amazonaws.' || v.region || '.ec2): its EC2 calls leave through a NAT or internet gateway' AS reason,
  v.vpc_id,
  v.is_default,
  coalesce(o.endpoints, []) AS endpoints
FROM aws_ec2_vpcs v
LEFT JOIN ec2_endpoints e ON e.account_id = v.account_id AND e.region = v.region AND e.vpc_id = v.vpc_id
LEFT JOIN other_endpoints o ON o.account_id = v.account_id AND o.region = v.region AND o.vpc_id = v.vpc_id
WHERE e.vpc_id IS NULL
ORDER BY v.account_id, v.region, v.vpc_id;
