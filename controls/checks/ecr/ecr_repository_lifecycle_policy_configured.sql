-- FSBP ECR.3: every private ECR repository has a lifecycle policy (GetLifecyclePolicy returned one). A repository
-- whose policy could not be read (has_lifecycle_policy NULL) fails with its own reason; its scope is in error.
SELECT
  r.arn AS resource_id,
  r.account_id,
  r.region,
  CASE
    WHEN r.has_lifecycle_policy IS NULL THEN 'The lifecycle policy of ECR repository ' || r.name || ' could not be read'
    ELSE 'ECR repository ' || r.name || ' has no lifecycle policy'
  END AS reason,
  r.name AS repository_name
FROM aws_ecr_repositories r
WHERE r.has_lifecycle_policy IS NOT TRUE
ORDER BY r.account_id, r.region, r.arn;
