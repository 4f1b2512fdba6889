-- CIS "AWS-managed web front ends have access logging": Application and Network Load Balancers have the
-- attribute access_logs.s3.enabled = true. Gateway Load Balancers have no access logs and are out of scope.
-- AWS always lists the attribute for the other two; NULL (not reported) fails with its own reason.
SELECT
  lb.arn AS resource_id,
  lb.account_id,
  lb.region,
  CASE
    WHEN lb.access_logs_enabled IS NULL THEN 'AWS did not report access_logs.s3.enabled for this load balancer; treat access logging as off until confirmed'
    ELSE 'Load balancer ' || lb.name || ' (' || lb.type || ', ' || coalesce(lb.scheme, 'scheme unknown') || ') does not write access logs to S3'
  END AS reason,
  lb.name,
  lb.type,
  lb.scheme,
  lb.access_logs_enabled
FROM aws_elbv2_load_balancers lb
WHERE lb.type IN ('application', 'network')
  AND lb.access_logs_enabled IS NOT TRUE
ORDER BY lb.account_id, lb.region, lb.name;
