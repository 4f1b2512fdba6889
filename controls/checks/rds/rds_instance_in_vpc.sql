-- FSBP RDS.18: every RDS DB instance runs in a VPC (DescribeDBInstances DBSubnetGroup.VpcId), not on
-- EC2-Classic networking.
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  'RDS DB instance ' || i.db_instance_identifier || ' is not in a VPC' AS reason,
  i.db_instance_identifier
FROM aws_rds_db_instances i
WHERE i.vpc_id IS NULL OR i.vpc_id = ''
ORDER BY i.account_id, i.region, i.arn;
