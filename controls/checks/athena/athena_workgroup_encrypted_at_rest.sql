-- FSBP Athena.1: the workgroup's result configuration names an encryption option.
SELECT
  w.arn AS resource_id,
  w.account_id,
  w.region,
  'Athena workgroup ' || w.name || CASE WHEN w.configuration_read IS NOT TRUE THEN ' did not report its configuration'
    ELSE ' does not encrypt query results at rest' END AS reason,
  w.name AS workgroup_name,
  w.state,
  w.enforce_workgroup_configuration
FROM aws_athena_workgroups w
WHERE w.configuration_read IS NOT TRUE OR w.encryption_option IS NULL
ORDER BY w.account_id, w.region, w.arn;
