-- CIS 1.9: the password policy prevents reuse. The CIS recommendation is to remember 24 passwords (the IAM
-- maximum), so anything less — including no reuse prevention and no policy — fails.
SELECT
  -- The account principal, AWS's own name for the account (docs/resource-ids.md).
  'arn:' || a.partition || ':iam::' || a.account_id || ':root' AS resource_id,
  a.account_id,
  'global' AS region,
  CASE
    WHEN p.configured IS NOT TRUE THEN 'The account has no IAM password policy, so passwords can be reused'
    WHEN p.password_reuse_prevention IS NULL THEN 'The password policy does not prevent password reuse'
    ELSE 'The password policy remembers only ' || p.password_reuse_prevention || ' previous passwords; 24 are required'
  END AS reason,
  p.configured AS password_policy_configured,
  p.password_reuse_prevention
FROM aws_accounts a
LEFT JOIN aws_iam_password_policies p ON p.account_id = a.account_id
WHERE p.configured IS NOT TRUE
   OR coalesce(p.password_reuse_prevention, 0) < 24
