-- FSBP CodeBuild.5.
SELECT
  p.arn AS resource_id,
  p.account_id,
  p.region,
  'CodeBuild project ' || p.name || CASE WHEN p.privileged_mode IS NULL THEN ' did not report its privileged mode'
    ELSE ' runs its builds in privileged mode' END AS reason,
  p.name AS project_name,
  p.image
FROM aws_codebuild_projects p
WHERE p.privileged_mode IS NOT FALSE
ORDER BY p.account_id, p.region, p.arn;
