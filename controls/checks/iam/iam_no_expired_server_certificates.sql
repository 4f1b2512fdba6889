-- CIS 1.19: expired SSL/TLS certificates are removed from IAM.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'Server certificate ' || c.server_certificate_name || ' expired on ' || strftime(c.expiration, '%Y-%m-%d') || ' and is still stored in IAM' AS reason,
  c.server_certificate_name,
  c.expiration
FROM aws_iam_server_certificates c
WHERE c.expiration < (now() AT TIME ZONE 'UTC')
