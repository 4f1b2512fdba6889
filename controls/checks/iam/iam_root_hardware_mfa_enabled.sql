-- CIS 1.6: the root user's MFA is a hardware device. MFA must be on (as in 1.5) and no virtual MFA device may
-- belong to root: its serial is arn:…:mfa/root-account-mfa-device, or its user is arn:…:root.
WITH root_virtual AS (
  SELECT account_id, min(serial_number) AS serial_number
  FROM aws_iam_virtual_mfa_devices
  WHERE serial_number LIKE '%:mfa/root-account-mfa-device' OR is_root
  GROUP BY account_id
)
SELECT
  -- The account principal, AWS's own name for the account (docs/resource-ids.md).
  'arn:' || a.partition || ':iam::' || a.account_id || ':root' AS resource_id,
  a.account_id,
  'global' AS region,
  CASE
    WHEN coalesce(s.account_mfa_enabled, r.mfa_active) IS NOT TRUE THEN 'The root user has no MFA device (or none could be confirmed), so it has no hardware MFA'
    ELSE 'The root user''s MFA is a virtual device (' || v.serial_number || '), not a hardware device'
  END AS reason,
  s.account_mfa_enabled,
  v.serial_number AS root_virtual_mfa_serial
FROM aws_accounts a
LEFT JOIN aws_iam_account_summaries s ON s.account_id = a.account_id
LEFT JOIN aws_iam_credential_report r ON r.account_id = a.account_id AND r.is_root
LEFT JOIN root_virtual v ON v.account_id = a.account_id
WHERE coalesce(s.account_mfa_enabled, r.mfa_active) IS NOT TRUE
   OR v.serial_number IS NOT NULL
