-- FSBP ELB.13: every Application, Network and Gateway Load Balancer spans at least two Availability Zones (the
-- control's default minimum). Zones come from DescribeLoadBalancers itself, so they are never "not read".
SELECT
  lb.arn AS resource_id,
  lb.account_id,
  lb.region,
  'Load balancer ' || lb.name || ' (' || coalesce(lb.type, 'unknown type') || ') serves ' || len(coalesce(lb.availability_zones, []))
    || ' Availability Zone(s): ' || coalesce(nullif(array_to_string(lb.availability_zones, ', '), ''), 'none') AS reason,
  lb.name AS load_balancer,
  lb.type,
  lb.availability_zones
FROM aws_elbv2_load_balancers lb
WHERE len(coalesce(lb.availability_zones, [])) < 2
ORDER BY lb.account_id, lb.region, lb.arn;
