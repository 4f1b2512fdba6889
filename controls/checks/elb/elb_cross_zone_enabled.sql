-- FSBP ELB.9: every Classic Load Balancer has cross-zone load balancing (cross_zone_enabled); an attribute that could not be read fails.
SELECT
  lb.arn AS resource_id,
  lb.account_id,
  lb.region,
  CASE WHEN lb.cross_zone_enabled IS NULL THEN 'AWS did not report cross-zone load balancing for Classic Load Balancer ' || lb.name
       ELSE 'Classic Load Balancer ' || lb.name || ' does not balance across Availability Zones' END AS reason,
  lb.name AS load_balancer_name
FROM aws_elb_load_balancers lb
WHERE lb.cross_zone_enabled IS NOT TRUE
ORDER BY lb.account_id, lb.region, lb.arn;
