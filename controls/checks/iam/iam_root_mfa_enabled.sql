-- CIS 1.5: MFA on the root user. GetAccountSummary AccountMFAEnabled; the credential report's root row when
-- the summary is missing. No evidence at all is a failure: root MFA cannot be confirmed.
SELECT
  -- The account principal, AWS's own name for the account (docs/resource-ids.md).
  'arn:' || a.partition || ':iam::' || a.account_id || ':root' AS resource_id,
  a.account_id,
  'global' AS region,
  CASE
    WHEN coalesce(s.account_mfa_enabled, r.mfa_active) IS NULL THEN 'No IAM account summary was collected, so MFA on the root user cannot be confirmed'
    ELSE 'The root user has no MFA device'
  END AS reason,
  s.account_mfa_enabled,
  r.mfa_active AS root_mfa_active_in_credential_report
FROM aws_accounts a
LEFT JOIN aws_iam_account_summaries s ON s.account_id = a.account_id
LEFT JOIN aws_iam_credential_report r ON r.account_id = a.account_id AND r.is_root
WHERE coalesce(s.account_mfa_enabled, r.mfa_active) IS NOT TRUE
