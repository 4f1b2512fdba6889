-- FSBP CodeBuild.2: the variable names its Config rule (codebuild-project-envvar-awscred-check) matches, in the
-- PLAINTEXT variables (a variable without a type is PLAINTEXT). Only names are compared: values are never stored.
SELECT
  p.arn AS resource_id,
  p.account_id,
  p.region,
  'CodeBuild project ' || p.name || CASE WHEN p.plaintext_variable_names IS NULL THEN ' did not report its environment variables'
    ELSE ' passes AWS credentials as plain-text environment variables: '
      || array_to_string(list_sort(list_intersect(p.plaintext_variable_names, ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'])), ', ') END AS reason,
  p.name AS project_name
FROM aws_codebuild_projects p
WHERE p.plaintext_variable_names IS NULL
   OR list_has_any(p.plaintext_variable_names, ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'])
ORDER BY p.account_id, p.region, p.arn;
