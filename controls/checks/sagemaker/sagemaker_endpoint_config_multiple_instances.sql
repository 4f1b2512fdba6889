-- FSBP SageMaker.4 (serverless variants run on no instances of their own and are left out).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'SageMaker endpoint configuration ' || c.name || CASE WHEN c.single_instance_variants IS NULL THEN ' did not report its production variants' ELSE ' starts production variant(s) ' || array_to_string(c.single_instance_variants, ', ') || ' on fewer than 2 instances' END AS reason,
  c.name AS endpoint_config_name,
  c.single_instance_variants,
  c.min_initial_instance_count
FROM aws_sagemaker_endpoint_configs c
WHERE c.single_instance_variants IS NULL OR len(c.single_instance_variants) > 0
ORDER BY c.account_id, c.region, c.arn;
