-- FSBP CodeBuild.7: an S3 export keeps encryption on; NO_EXPORT writes nothing to S3.
SELECT
  g.arn AS resource_id,
  g.account_id,
  g.region,
  'CodeBuild report group ' || g.name || CASE
    WHEN g.described IS NOT TRUE OR g.export_config_type IS NULL THEN ' did not report its export configuration'
    WHEN g.export_encryption_disabled IS NULL THEN ' did not report whether its S3 export is encrypted'
    ELSE ' exports its reports to S3 unencrypted' END AS reason,
  g.name AS report_group_name,
  g.export_bucket
FROM aws_codebuild_report_groups g
WHERE g.described IS NOT TRUE OR g.export_config_type IS NULL
  OR (g.export_config_type = 'S3' AND g.export_encryption_disabled IS NOT FALSE)
ORDER BY g.account_id, g.region, g.arn;
