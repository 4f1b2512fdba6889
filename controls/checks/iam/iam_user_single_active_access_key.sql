-- CIS 1.13: a user has at most one active access key.
SELECT
  k.user_arn AS resource_id,
  k.account_id,
  k.region,
  'User ' || k.user_name || ' has ' || count(*) || ' active access keys: ' || string_agg(k.access_key_id, ', ' ORDER BY k.access_key_id) AS reason,
  k.user_name,
  list(k.access_key_id ORDER BY k.access_key_id) AS active_access_key_ids
FROM aws_iam_access_keys k
WHERE k.status = 'Active'
GROUP BY k.account_id, k.region, k.user_arn, k.user_name
HAVING count(*) > 1
