-- Deletion protection (attribute deletion_protection.enabled) stops a load balancer being deleted until it is
-- turned off. An attribute that could not be read (NULL) fails: protection cannot be shown.
SELECT
  lb.arn AS resource_id,
  lb.account_id,
  lb.region,
  CASE
    WHEN lb.deletion_protection_enabled IS NULL THEN 'The attributes of load balancer ' || lb.name || ' could not be read: deletion protection cannot be shown (sync again)'
    ELSE 'Deletion protection is off for load balancer ' || lb.name
  END AS reason,
  lb.name AS load_balancer,
  lb.type
FROM aws_elbv2_load_balancers lb
WHERE lb.deletion_protection_enabled IS NOT TRUE
ORDER BY lb.account_id, lb.region, lb.name;
