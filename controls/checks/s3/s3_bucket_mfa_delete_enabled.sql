-- MFA Delete can only be on while versioning is on, so a bucket passes only with both.
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  CASE
    WHEN b.versioning_status IS DISTINCT FROM 'Enabled' THEN 'Versioning is not enabled, so MFA Delete cannot be on'
    ELSE 'Versioning is enabled but MFA Delete is off'
  END AS reason,
  b.name AS bucket,
  b.versioning_status,
  b.mfa_delete
FROM aws_s3_buckets b
WHERE b.versioning_status IS DISTINCT FROM 'Enabled' OR b.mfa_delete IS NOT TRUE
ORDER BY b.account_id, b.name;
