-- CIS 1.4: the root user has no access keys. GetAccountSummary's AccountAccessKeysPresent is the primary
-- evidence; the credential report's <root_account> row is a second witness (either one saying "keys" fails).
SELECT
  -- The account principal, AWS's own name for the account (docs/resource-ids.md).
  'arn:' || a.partition || ':iam::' || a.account_id || ':root' AS resource_id,
  a.account_id,
  'global' AS region,
  CASE
    WHEN s.account_id IS NULL AND r.arn IS NULL THEN 'No IAM account summary or root credential report row was collected, so root access keys cannot be ruled out'
    WHEN s.account_access_keys_present THEN 'The root user has access keys (GetAccountSummary AccountAccessKeysPresent = 1)'
    ELSE 'The root user has an active access key (credential report <root_account> row)'
  END AS reason,
  s.account_access_keys_present,
  r.access_key_1_active AS root_access_key_1_active,
  r.access_key_2_active AS root_access_key_2_active
FROM aws_accounts a
LEFT JOIN aws_iam_account_summaries s ON s.account_id = a.account_id
LEFT JOIN aws_iam_credential_report r ON r.account_id = a.account_id AND r.is_root
WHERE (s.account_id IS NULL AND r.arn IS NULL)
   OR s.account_access_keys_present
   OR r.access_key_1_active
   OR r.access_key_2_active
