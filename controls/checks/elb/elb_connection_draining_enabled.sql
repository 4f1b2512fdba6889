-- FSBP ELB.7: every Classic Load Balancer has connection draining (connection_draining_enabled); an attribute that could not be read fails.
SELECT
  lb.arn AS resource_id,
  lb.account_id,
  lb.region,
  CASE WHEN lb.connection_draining_enabled IS NULL THEN 'AWS did not report connection draining for Classic Load Balancer ' || lb.name
       ELSE 'Classic Load Balancer ' || lb.name || ' does not drain connections' END AS reason,
  lb.name AS load_balancer_name
FROM aws_elb_load_balancers lb
WHERE lb.connection_draining_enabled IS NOT TRUE
ORDER BY lb.account_id, lb.region, lb.arn;
