-- CIS 1.13: a user has at most one active access key.
SELECT
  u.arn AS resource_id,
  u.account_id,
  u.region,
  'User ' || u.user_name || ' has ' || count(*) || ' active access keys: ' || string_agg(k.access_key_id, ', ' ORDER BY k.access_key_id) AS reason,
  u.user_name,
  list(k.access_key_id ORDER BY k.access_key_id) AS active_access_key_ids
FROM aws_iam_users u
JOIN aws_iam_access_keys k ON k.account_id = u.account_id AND k.user_arn = u.arn
WHERE k.status = 'Active'
GROUP BY u.account_id, u.region, u.arn, u.user_name
HAVING count(*) > 1
