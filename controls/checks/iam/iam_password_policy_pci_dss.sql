-- FSBP IAM.10 (Config rule iam-password-policy, PCI DSS v3.2.1 8.1.4, 8.2.3-8.2.5) with the fixed parameters
-- Security Hub documents (docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-10):
-- RequireUppercaseCharacters, RequireLowercaseCharacters and RequireNumbers true, MinimumPasswordLength 7 or more,
-- PasswordReusePrevention 4 or more, MaxPasswordAge 90 days or fewer (passwords that never expire fail). Symbols
-- are not among them. No password policy fails; a setting the policy does not report fails.
WITH policy AS (
  SELECT
    'arn:' || a.partition || ':iam::' || a.account_id || ':root' AS resource_id, a.account_id, p.configured,
    p.minimum_password_length, p.require_uppercase_characters, p.require_lowercase_characters, p.require_numbers,
    p.password_reuse_prevention, p.max_password_age,
    list_value(
      CASE WHEN p.require_uppercase_characters IS NOT TRUE THEN 'no upper-case letter required' END,
      CASE WHEN p.require_lowercase_characters IS NOT TRUE THEN 'no lower-case letter required' END,
      CASE WHEN p.require_numbers IS NOT TRUE THEN 'no number required' END,
      CASE WHEN coalesce(p.minimum_password_length, 0) < 7 THEN 'minimum length ' || coalesce(p.minimum_password_length::VARCHAR, 'not set') || ' (7 or more required)' END,
      CASE WHEN coalesce(p.password_reuse_prevention, 0) < 4 THEN 'reuse prevention ' || coalesce(p.password_reuse_prevention::VARCHAR, 'not set') || ' (4 or more previous passwords required)' END,
      CASE WHEN coalesce(p.max_password_age, 0) NOT BETWEEN 1 AND 90 THEN
        CASE WHEN coalesce(p.max_password_age, 0) = 0 THEN 'passwords never expire' ELSE 'passwords expire after ' || p.max_password_age || ' days' END || ' (90 days or fewer required)' END
    ) AS gaps
  FROM aws_accounts a
  LEFT JOIN aws_iam_password_policies p ON p.account_id = a.account_id
)
SELECT
  resource_id,
  account_id,
  'global' AS region,
  CASE WHEN configured IS NOT TRUE THEN 'The account has no IAM password policy (AWS defaults apply)'
       ELSE 'The password policy misses the PCI DSS settings: ' || array_to_string(list_filter(gaps, g -> g IS NOT NULL), '; ') END AS reason,
  configured AS password_policy_configured,
  minimum_password_length,
  require_uppercase_characters,
  require_lowercase_characters,
  require_numbers,
  password_reuse_prevention,
  max_password_age
FROM policy
WHERE configured IS NOT TRUE OR len(list_filter(gaps, g -> g IS NOT NULL)) > 0
ORDER BY account_id;
