-- FSBP ELB.16: every Application Load Balancer is associated with an AWS WAF web ACL (wafv2 GetWebACLForResource).
-- The Config rule alb-waf-enabled also accepts a WAF Classic web ACL, which Calabi does not collect: a load balancer
-- protected by WAF Classic alone fails here (stricter, never a false PASS). Network and Gateway Load Balancers
-- cannot use WAF and are out of scope. An association not read fails: it cannot be shown.
SELECT
  lb.arn AS resource_id,
  lb.account_id,
  lb.region,
  CASE WHEN lb.waf_association_read IS NOT TRUE THEN 'The AWS WAF association of Application Load Balancer ' || lb.name || ' could not be read (sync again)'
       ELSE 'Application Load Balancer ' || lb.name || ' has no AWS WAF web ACL' END AS reason,
  lb.name AS load_balancer,
  lb.scheme
FROM aws_elbv2_load_balancers lb
WHERE lb.type = 'application'
  AND (lb.waf_association_read IS NOT TRUE OR lb.waf_web_acl_arn IS NULL OR lb.waf_web_acl_arn = '')
ORDER BY lb.account_id, lb.region, lb.arn;
