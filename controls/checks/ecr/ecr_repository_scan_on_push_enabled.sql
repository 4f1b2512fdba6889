-- FSBP ECR.1: every private ECR repository has image scanning configured: the scan frequency AWS applies to it
-- (BatchGetRepositoryScanningConfiguration, which folds in the registry's scanning rules) is SCAN_ON_PUSH or
-- CONTINUOUS_SCAN. MANUAL fails. A repository whose effective frequency could not be read (NULL) fails with its
-- own reason and its scope is in error, so the engine reports ERROR, never a pass taken from the legacy
-- repository-level scanOnPush flag alone.
SELECT
  r.arn AS resource_id,
  r.account_id,
  r.region,
  CASE
    WHEN r.scan_frequency IS NULL THEN 'The image scanning configuration of ECR repository ' || r.name || ' could not be read'
    ELSE 'ECR repository ' || r.name || ' scans images only manually (scan frequency ' || r.scan_frequency || ')'
  END AS reason,
  r.name AS repository_name,
  r.scan_frequency,
  r.scan_on_push
FROM aws_ecr_repositories r
WHERE r.scan_frequency IS NULL OR r.scan_frequency NOT IN ('SCAN_ON_PUSH', 'CONTINUOUS_SCAN')
ORDER BY r.account_id, r.region, r.arn;
