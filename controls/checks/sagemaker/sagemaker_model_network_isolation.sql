-- FSBP SageMaker.5.
SELECT
  m.arn AS resource_id,
  m.account_id,
  m.region,
  'SageMaker model ' || m.name || ' does not run with network isolation' AS reason,
  m.name AS model_name
FROM aws_sagemaker_models m
WHERE m.network_isolation_enabled IS NOT TRUE
ORDER BY m.account_id, m.region, m.arn;
