-- FSBP ELB.5 (Classic half): every Classic Load Balancer has access logging (access_log_enabled); an attribute that could not be read fails.
SELECT
  lb.arn AS resource_id,
  lb.account_id,
  lb.region,
  CASE WHEN lb.access_log_enabled IS NULL THEN 'AWS did not report access logging for Classic Load Balancer ' || lb.name
       ELSE 'Classic Load Balancer ' || lb.name || ' does not write access logs' END AS reason,
  lb.name AS load_balancer_name
FROM aws_elb_load_balancers lb
WHERE lb.access_log_enabled IS NOT TRUE
ORDER BY lb.account_id, lb.region, lb.arn;
