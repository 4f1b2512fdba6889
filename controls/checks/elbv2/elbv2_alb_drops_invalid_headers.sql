-- FSBP ELB.4: every Application Load Balancer drops HTTP headers with invalid names
-- (routing.http.drop_invalid_header_fields.enabled). Network and Gateway Load Balancers do not parse HTTP and are
-- not in scope. An attribute that could not be read (NULL) fails.
SELECT
  lb.arn AS resource_id,
  lb.account_id,
  lb.region,
  'Application Load Balancer ' || lb.name || ' forwards HTTP headers with invalid names' AS reason,
  lb.name AS load_balancer_name
FROM aws_elbv2_load_balancers lb
WHERE lb.type = 'application'
  AND lb.drop_invalid_header_fields IS NOT TRUE
ORDER BY lb.account_id, lb.region, lb.arn;
