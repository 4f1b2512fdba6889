-- FSBP ELB.2: every HTTPS or SSL listener of a Classic Load Balancer uses an ACM certificate: its SSLCertificateId
-- is an ARN in the acm namespace (arn:<partition>:acm:…). IAM server certificates (arn:<partition>:iam::…) and a
-- certificate not reported fail.
SELECT
  l.load_balancer_arn AS resource_id,
  l.account_id,
  l.region,
  'Classic Load Balancer ' || l.load_balancer_name || ' has HTTPS/SSL listener(s) without an ACM certificate: '
    || string_agg(l.protocol || ':' || l.port || ' (' || coalesce(l.ssl_certificate_id, 'no certificate reported') || ')', ', ' ORDER BY l.port) AS reason,
  l.load_balancer_name,
  list(l.ssl_certificate_id ORDER BY l.port) AS certificates
FROM aws_elb_listeners l
WHERE l.protocol IN ('HTTPS', 'SSL')
  AND coalesce(split_part(l.ssl_certificate_id, ':', 3), '') <> 'acm'
GROUP BY l.load_balancer_arn, l.account_id, l.region, l.load_balancer_name
ORDER BY l.account_id, l.region, l.load_balancer_arn;
