-- FSBP SageMaker.3.
SELECT
  n.arn AS resource_id,
  n.account_id,
  n.region,
  'SageMaker notebook instance ' || n.name || CASE WHEN n.root_access IS NULL THEN ' did not report its root access' ELSE ' gives its users root access' END AS reason,
  n.name AS notebook_instance_name,
  n.root_access
FROM aws_sagemaker_notebook_instances n
WHERE n.root_access IS DISTINCT FROM 'Disabled'
ORDER BY n.account_id, n.region, n.arn;
