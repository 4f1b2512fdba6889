-- FSBP SageMaker.2.
SELECT
  n.arn AS resource_id,
  n.account_id,
  n.region,
  'SageMaker notebook instance ' || n.name || ' is not launched in a VPC' AS reason,
  n.name AS notebook_instance_name
FROM aws_sagemaker_notebook_instances n
WHERE n.subnet_id IS NULL
ORDER BY n.account_id, n.region, n.arn;
