-- FSBP RDS.6: Enhanced Monitoring is on when MonitoringInterval is above 0 (0 turns it off). Security Hub has no
-- default interval, so any of 1, 5, 10, 15, 30 and 60 passes. An interval AWS did not report fails (fail closed).
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  CASE
    WHEN i.monitoring_interval IS NULL THEN 'The monitoring interval of ' || i.db_instance_identifier || ' is unknown: sync again'
    ELSE 'Enhanced Monitoring is off for ' || i.db_instance_identifier || ' (monitoring interval 0)'
  END AS reason,
  i.db_instance_identifier,
  i.engine,
  i.monitoring_interval
FROM aws_rds_db_instances i
WHERE i.monitoring_interval IS NULL OR i.monitoring_interval <= 0
ORDER BY i.account_id, i.region, i.arn;
