-- CIS 5.1: no network ACL admits inbound traffic from the whole internet (0.0.0.0/0 or ::/0) to port 22 or
-- 3389 over TCP, UDP or all traffic. The sync walks each ACL's inbound entries in rule-number order, as AWS
-- evaluates them, into ingress_admin_exposure: an allow behind a lower-numbered deny of the same traffic admits
-- nothing, a partial deny removes only what it covers. NULL (entries that could not be evaluated) fails.
SELECT
  a.arn AS resource_id,
  a.account_id,
  a.region,
  CASE
    WHEN a.ingress_admin_exposure IS NULL THEN 'Network ACL entries could not be evaluated, so its exposure cannot be shown: sync again'
    ELSE 'Network ACL allows inbound traffic from anywhere to port 22 or 3389: ' || array_to_string(a.ingress_admin_exposure, ', ')
  END AS reason,
  a.network_acl_id,
  a.vpc_id,
  a.is_default,
  a.ingress_admin_exposure AS exposure
FROM aws_ec2_network_acls a
WHERE a.ingress_admin_exposure IS NULL OR len(a.ingress_admin_exposure) > 0
ORDER BY a.account_id, a.region, a.network_acl_id;
