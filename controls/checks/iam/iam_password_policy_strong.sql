-- FSBP IAM.7 (Config rule iam-password-policy) with Security Hub's default parameters (docs.aws.amazon.com/
-- securityhub/latest/userguide/iam-controls.html#iam-7): RequireUppercaseCharacters, RequireLowercaseCharacters,
-- RequireSymbols and RequireNumbers true, MinimumPasswordLength 8. Reuse prevention and maximum age have no default
-- there and are not judged. No password policy fails (the Config rule marks AWS's default policy NON_COMPLIANT);
-- a setting the policy does not report fails.
WITH policy AS (
  SELECT
    'arn:' || a.partition || ':iam::' || a.account_id || ':root' AS resource_id, a.account_id, p.configured,
    p.minimum_password_length, p.require_uppercase_characters, p.require_lowercase_characters, p.require_symbols, p.require_numbers,
    list_value(
      CASE WHEN p.require_uppercase_characters IS NOT TRUE THEN 'no upper-case letter required' END,
      CASE WHEN p.require_lowercase_characters IS NOT TRUE THEN 'no lower-case letter required' END,
      CASE WHEN p.require_symbols IS NOT TRUE THEN 'no symbol required' END,
      CASE WHEN p.require_numbers IS NOT TRUE THEN 'no number required' END,
      CASE WHEN coalesce(p.minimum_password_length, 0) < 8 THEN 'minimum length ' || coalesce(p.minimum_password_length::VARCHAR, 'not set') || ' (8 or more required)' END
    ) AS gaps
  FROM aws_accounts a
  LEFT JOIN aws_iam_password_policies p ON p.account_id = a.account_id
)
SELECT
  resource_id,
  account_id,
  'global' AS region,
  CASE WHEN configured IS NOT TRUE THEN 'The account has no IAM password policy (AWS defaults apply)'
       ELSE 'The password policy is weaker than Security Hub asks: ' || array_to_string(list_filter(gaps, g -> g IS NOT NULL), '; ') END AS reason,
  configured AS password_policy_configured,
  minimum_password_length,
  require_uppercase_characters,
  require_lowercase_characters,
  require_symbols,
  require_numbers
FROM policy
WHERE configured IS NOT TRUE OR len(list_filter(gaps, g -> g IS NOT NULL)) > 0
ORDER BY account_id;
