-- FSBP CodeBuild.3: only projects writing logs to S3 are in scope; a project whose S3 logs setting, or whose
-- encryption setting while S3 logs are on, was not reported fails.
SELECT
  p.arn AS resource_id,
  p.account_id,
  p.region,
  'CodeBuild project ' || p.name || CASE
    WHEN p.s3_logs_status IS NULL THEN ' did not report its S3 logs setting'
    WHEN p.s3_logs_encryption_disabled IS NULL THEN ' did not report whether its S3 build logs are encrypted'
    ELSE ' writes its S3 build logs unencrypted' END AS reason,
  p.name AS project_name,
  p.s3_logs_location
FROM aws_codebuild_projects p
WHERE p.s3_logs_status IS NULL
   OR (p.s3_logs_status = 'ENABLED' AND p.s3_logs_encryption_disabled IS NOT FALSE)
ORDER BY p.account_id, p.region, p.arn;
