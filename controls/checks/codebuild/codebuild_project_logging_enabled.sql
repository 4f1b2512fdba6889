-- FSBP CodeBuild.4: CloudWatch Logs or S3 logs enabled. Neither enabled, with one of them not reported, is
-- "not reported" rather than a pass.
SELECT
  p.arn AS resource_id,
  p.account_id,
  p.region,
  'CodeBuild project ' || p.name || CASE
    WHEN p.cloudwatch_logs_status IS NULL OR p.s3_logs_status IS NULL THEN ' did not report its logging configuration'
    ELSE ' sends its build logs neither to CloudWatch Logs nor to S3' END AS reason,
  p.name AS project_name,
  p.cloudwatch_logs_status,
  p.s3_logs_status
FROM aws_codebuild_projects p
WHERE p.cloudwatch_logs_status IS DISTINCT FROM 'ENABLED' AND p.s3_logs_status IS DISTINCT FROM 'ENABLED'
ORDER BY p.account_id, p.region, p.arn;
