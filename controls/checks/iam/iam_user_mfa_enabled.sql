-- FSBP IAM.19 (Config rule iam-user-mfa-enabled): every IAM user has an MFA device, whether or not it has a
-- console password (IAM.5 / CIS judge console users only). MFA devices that could not be read fail: unknown is
-- not "has MFA".
SELECT
  u.arn AS resource_id,
  u.account_id,
  u.region,
  CASE
    WHEN u.mfa_active IS NULL THEN 'User ' || u.user_name || ': its MFA devices could not be read'
    ELSE 'User ' || u.user_name || ' has no MFA device' || CASE WHEN u.password_enabled THEN ' (it has a console password)' ELSE '' END
  END AS reason,
  u.user_name,
  u.password_enabled,
  u.create_date
FROM aws_iam_users u
WHERE u.mfa_active IS NOT TRUE
ORDER BY u.account_id, u.user_name;
