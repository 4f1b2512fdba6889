-- CIS 1.14: active access keys are rotated every 90 days or less; a key's creation date is its last rotation.
SELECT
  k.access_key_id AS resource_id,
  k.account_id,
  k.region,
  'Access key ' || k.access_key_id || ' of ' || k.user_name || ' is active and was created on ' || strftime(k.create_date, '%Y-%m-%d') || ', more than 90 days ago' AS reason,
  k.user_name,
  k.create_date AS key_create_date,
  date_diff('day', k.create_date, now() AT TIME ZONE 'UTC') AS age_days
FROM aws_iam_access_keys k
WHERE k.status = 'Active'
  AND k.create_date < (now() AT TIME ZONE 'UTC') - INTERVAL 90 DAY
