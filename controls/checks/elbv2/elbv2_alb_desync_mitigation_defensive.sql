-- FSBP ELB.12: every Application Load Balancer's desync mitigation mode is defensive or strictest, as the Config
-- rule alb-desync-mode-check is given. AWS reports the attribute for every Application Load Balancer (defensive by
-- default), so a mode not reported (or attributes not read) fails as unknown.
SELECT
  lb.arn AS resource_id,
  lb.account_id,
  lb.region,
  CASE WHEN lb.desync_mitigation_mode IS NULL THEN 'AWS did not report the desync mitigation mode of Application Load Balancer ' || lb.name || ' (sync again)'
       ELSE 'Application Load Balancer ' || lb.name || ' uses desync mitigation mode ' || lb.desync_mitigation_mode END AS reason,
  lb.name AS load_balancer,
  lb.desync_mitigation_mode
FROM aws_elbv2_load_balancers lb
WHERE lb.type = 'application'
  AND (lb.desync_mitigation_mode IS NULL OR lb.desync_mitigation_mode NOT IN ('defensive', 'strictest'))
ORDER BY lb.account_id, lb.region, lb.arn;
