-- FSBP ELB.10: every Classic Load Balancer spans at least two Availability Zones (the control's default minimum).
SELECT
  lb.arn AS resource_id,
  lb.account_id,
  lb.region,
  'Classic Load Balancer ' || lb.name || ' serves ' || len(coalesce(lb.availability_zones, [])) || ' Availability Zone(s): '
    || coalesce(nullif(array_to_string(lb.availability_zones, ', '), ''), 'none') AS reason,
  lb.name AS load_balancer_name,
  lb.availability_zones
FROM aws_elb_load_balancers lb
WHERE len(coalesce(lb.availability_zones, [])) < 2
ORDER BY lb.account_id, lb.region, lb.arn;
