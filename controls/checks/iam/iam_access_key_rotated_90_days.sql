-- CIS 1.14: active access keys are rotated every 90 days or less; a key's creation date is its last rotation.
-- Age is measured at collection (synced_at), not now: re-evaluating old data gives the same verdict.
SELECT
  k.access_key_id AS resource_id,
  k.account_id,
  k.region,
  'Access key ' || k.access_key_id || ' of ' || k.user_name || ' is active and was created on ' || strftime(k.create_date, '%Y-%m-%d') || ', more than 90 days ago (as of ' || strftime(k.synced_at, '%Y-%m-%d') || ', when it was collected)' AS reason,
  k.user_name,
  k.create_date AS key_create_date,
  date_diff('day', k.create_date, k.synced_at) AS age_days
FROM aws_iam_access_keys k
WHERE k.status = 'Active'
  AND k.create_date < k.synced_at - INTERVAL 90 DAY
