-- FSBP ELB.14: every Classic Load Balancer's desync mitigation mode is defensive or strictest. AWS reports the
-- attribute for every Classic Load Balancer (defensive by default), so a mode not reported fails as unknown.
SELECT
  lb.arn AS resource_id,
  lb.account_id,
  lb.region,
  CASE WHEN lb.desync_mitigation_mode IS NULL THEN 'AWS did not report the desync mitigation mode of Classic Load Balancer ' || lb.name
       ELSE 'Classic Load Balancer ' || lb.name || ' uses desync mitigation mode ' || lb.desync_mitigation_mode END AS reason,
  lb.name AS load_balancer_name,
  lb.desync_mitigation_mode
FROM aws_elb_load_balancers lb
WHERE lb.desync_mitigation_mode IS NULL OR lb.desync_mitigation_mode NOT IN ('defensive', 'strictest')
ORDER BY lb.account_id, lb.region, lb.arn;
