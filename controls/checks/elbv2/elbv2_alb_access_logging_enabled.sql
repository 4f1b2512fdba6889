-- FSBP ELB.5 (Application Load Balancer half): every Application Load Balancer writes access logs to S3
-- (access_logs.s3.enabled). Network and Gateway Load Balancers are outside ELB.5 (elbv2_access_logging_enabled, for
-- CIS, also judges Network Load Balancers). An attribute that could not be read fails.
SELECT
  lb.arn AS resource_id,
  lb.account_id,
  lb.region,
  CASE WHEN lb.access_logs_enabled IS NULL THEN 'AWS did not report access_logs.s3.enabled for Application Load Balancer ' || lb.name
       ELSE 'Application Load Balancer ' || lb.name || ' does not write access logs to S3' END AS reason,
  lb.name AS load_balancer_name
FROM aws_elbv2_load_balancers lb
WHERE lb.type = 'application'
  AND lb.access_logs_enabled IS NOT TRUE
ORDER BY lb.account_id, lb.region, lb.arn;
