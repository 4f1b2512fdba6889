-- CIS 1.19: expired SSL/TLS certificates are removed from IAM. Expired means before the data was collected
-- (synced_at), not now: re-evaluating old data gives the same verdict.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'Server certificate ' || c.server_certificate_name || ' expired on ' || strftime(c.expiration, '%Y-%m-%d') || ' and was still stored in IAM on ' || strftime(c.synced_at, '%Y-%m-%d') AS reason,
  c.server_certificate_name,
  c.expiration
FROM aws_iam_server_certificates c
WHERE c.expiration < c.synced_at
