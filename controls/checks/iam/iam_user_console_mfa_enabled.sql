-- CIS 1.10: every IAM user with a console password has an MFA device.
SELECT
  u.arn AS resource_id,
  u.account_id,
  u.region,
  CASE
    WHEN u.mfa_active IS NULL THEN 'User ' || u.user_name || ' has a console password and its MFA devices could not be read'
    ELSE 'User ' || u.user_name || ' has a console password but no MFA device'
  END AS reason,
  u.user_name,
  u.password_create_date
FROM aws_iam_users u
WHERE u.password_enabled
  AND u.mfa_active IS NOT TRUE
