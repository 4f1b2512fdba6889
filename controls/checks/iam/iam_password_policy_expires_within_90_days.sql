-- The account password policy makes console passwords expire within 90 days (GetAccountPasswordPolicy
-- ExpirePasswords with MaxPasswordAge 1-90). No policy at all fails: AWS's default never expires passwords.
SELECT
  'arn:' || a.partition || ':iam::' || a.account_id || ':root' AS resource_id,
  a.account_id,
  'global' AS region,
  CASE
    WHEN p.configured IS NOT TRUE THEN 'The account has no IAM password policy (AWS defaults never expire passwords)'
    WHEN p.expire_passwords IS NOT TRUE OR p.max_password_age IS NULL THEN 'The password policy does not make passwords expire'
    ELSE 'The password policy lets passwords live ' || p.max_password_age || ' days; 90 or fewer are required'
  END AS reason,
  p.configured AS password_policy_configured,
  p.max_password_age
FROM aws_accounts a
LEFT JOIN aws_iam_password_policies p ON p.account_id = a.account_id
WHERE p.configured IS NOT TRUE
   OR p.expire_passwords IS NOT TRUE
   OR coalesce(p.max_password_age, 0) NOT BETWEEN 1 AND 90
ORDER BY a.account_id;
