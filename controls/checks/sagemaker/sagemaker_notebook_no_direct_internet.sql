-- FSBP SageMaker.1.
SELECT
  n.arn AS resource_id,
  n.account_id,
  n.region,
  'SageMaker notebook instance ' || n.name || CASE WHEN n.direct_internet_access IS NULL THEN ' did not report its direct internet access' ELSE ' has direct internet access' END AS reason,
  n.name AS notebook_instance_name,
  n.direct_internet_access
FROM aws_sagemaker_notebook_instances n
WHERE n.direct_internet_access IS DISTINCT FROM 'Disabled'
ORDER BY n.account_id, n.region, n.arn;
