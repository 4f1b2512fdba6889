-- CIS "resource policies do not allow unrestricted access using Principal '*'": no Allow statement for
-- Principal '*' (or AWS '*', or NotPrincipal) unless a condition really narrows who may call (aws:PrincipalOrgID,
-- aws:SourceVpce, aws:SourceIp, …). The verdict follows IAM's semantics and is derived at sync time
-- (sync/policy/public.ts); NULL means the policy could not be read or parsed, and an unknown policy is not a
-- pass: it fails with its own reason.
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  CASE
    WHEN t.policy_is_public IS NULL THEN 'The topic access policy of this SNS topic could not be read or parsed; treat it as public until confirmed'
    ELSE 'The topic access policy allows anyone (Principal *) with no condition narrowing the caller: statement(s) ' || array_to_string(t.public_statements, ', ')
  END AS reason,
  t.name,
  t.public_statements,
  t.policy
FROM aws_sns_topics t
WHERE t.policy_is_public IS NOT FALSE
ORDER BY t.account_id, t.region, t.arn;
