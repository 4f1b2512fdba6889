-- FSBP CodeBuild.1 (judged on every source type; the Config rule looks at Bitbucket only).
-- sources_with_url_credentials is NULL when the project was not described: not reported fails.
SELECT
  p.arn AS resource_id,
  p.account_id,
  p.region,
  'CodeBuild project ' || p.name || CASE WHEN p.sources_with_url_credentials IS NULL THEN ' did not report its sources'
    ELSE ' has credentials in the URL of its source(s): ' || array_to_string(p.sources_with_url_credentials, ', ') END AS reason,
  p.name AS project_name,
  p.source_type,
  p.source_locations
FROM aws_codebuild_projects p
WHERE p.sources_with_url_credentials IS NULL OR len(p.sources_with_url_credentials) > 0
ORDER BY p.account_id, p.region, p.arn;
