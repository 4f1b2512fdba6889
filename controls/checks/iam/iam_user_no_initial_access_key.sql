-- CIS 1.11: no access key set up with a console user and never used. A user with a console password and an
-- active key that has never signed a request fails (the credential report's "last used N/A").
SELECT
  k.access_key_id AS resource_id,
  k.account_id,
  k.region,
  'User ' || u.user_name || ' has a console password and an active access key (' || k.access_key_id || ') that has never been used' AS reason,
  u.user_name,
  u.arn AS user_arn,
  k.create_date AS key_create_date
FROM aws_iam_users u
JOIN aws_iam_access_keys k ON k.account_id = u.account_id AND k.user_arn = u.arn
WHERE u.password_enabled
  AND k.status = 'Active'
  AND k.last_used_date IS NULL
