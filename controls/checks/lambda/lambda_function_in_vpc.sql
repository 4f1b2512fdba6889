-- FSBP Lambda.3: every Lambda function is attached to a VPC (VpcConfig with a VPC id).
SELECT
  f.arn AS resource_id,
  f.account_id,
  f.region,
  'Lambda function ' || f.function_name || ' is not attached to a VPC' AS reason,
  f.function_name
FROM aws_lambda_functions f
WHERE f.vpc_id IS NULL OR f.vpc_id = ''
ORDER BY f.account_id, f.region, f.arn;
