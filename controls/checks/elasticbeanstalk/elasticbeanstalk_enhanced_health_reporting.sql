-- FSBP ElasticBeanstalk.1: SystemType enhanced.
SELECT
  e.arn AS resource_id,
  e.account_id,
  e.region,
  'Elastic Beanstalk environment ' || e.name || CASE
    WHEN e.configuration_read IS NOT TRUE THEN ' did not report its configuration'
    WHEN e.health_reporting_system_type IS NULL THEN ' did not report its health reporting system'
    ELSE ' uses ' || e.health_reporting_system_type || ' health reporting, not enhanced' END AS reason,
  e.name AS environment_name,
  e.application_name
FROM aws_elasticbeanstalk_environments e
WHERE e.configuration_read IS NOT TRUE OR e.health_reporting_system_type IS DISTINCT FROM 'enhanced'
ORDER BY e.account_id, e.region, e.arn;
