-- FSBP ElasticBeanstalk.3: StreamLogs true.
SELECT
  e.arn AS resource_id,
  e.account_id,
  e.region,
  'Elastic Beanstalk environment ' || e.name || CASE
    WHEN e.configuration_read IS NOT TRUE THEN ' did not report its configuration'
    ELSE ' does not stream its logs to CloudWatch Logs' END AS reason,
  e.name AS environment_name,
  e.application_name
FROM aws_elasticbeanstalk_environments e
WHERE e.configuration_read IS NOT TRUE OR e.stream_logs IS NOT TRUE
ORDER BY e.account_id, e.region, e.arn;
