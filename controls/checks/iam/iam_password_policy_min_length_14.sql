-- CIS 1.8: the account password policy requires 14 or more characters. No policy at all fails.
SELECT
  -- The account principal, AWS's own name for the account (docs/resource-ids.md).
  'arn:' || a.partition || ':iam::' || a.account_id || ':root' AS resource_id,
  a.account_id,
  'global' AS region,
  CASE
    WHEN p.configured IS NOT TRUE THEN 'The account has no IAM password policy (AWS defaults allow 8-character passwords)'
    WHEN p.minimum_password_length IS NULL THEN 'The password policy sets no minimum length'
    ELSE 'The password policy requires only ' || p.minimum_password_length || ' characters; 14 or more are required'
  END AS reason,
  p.configured AS password_policy_configured,
  p.minimum_password_length
FROM aws_accounts a
LEFT JOIN aws_iam_password_policies p ON p.account_id = a.account_id
WHERE p.configured IS NOT TRUE
   OR coalesce(p.minimum_password_length, 0) < 14
