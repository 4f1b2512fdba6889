-- CIS 1.12: credentials unused for 45 days or more are disabled. A console password counts from its last use,
-- or, never used, from when it was set (else the user's creation); an active key from its last use, or, never
-- used, from its creation. The root user is left to 1.4 and 1.7. Days are counted up to when the data was
-- collected (synced_at), not now: re-evaluating old data gives the same verdict.
SELECT
  r.arn AS resource_id,
  r.account_id,
  r.region,
  CASE
    WHEN r.password_last_used IS NULL THEN 'User ' || r."user" || ' has a console password that was never used, set ' || strftime(coalesce(r.password_last_changed, r.user_creation_time), '%Y-%m-%d') || ' (45 days or more before ' || strftime(r.synced_at, '%Y-%m-%d') || ')'
    ELSE 'User ' || r."user" || ' has not used its console password since ' || strftime(r.password_last_used, '%Y-%m-%d') || ' (45 days or more before ' || strftime(r.synced_at, '%Y-%m-%d') || ')'
  END AS reason,
  r."user" AS user_name,
  'password' AS credential,
  r.password_last_used AS last_used
FROM aws_iam_credential_report r
WHERE NOT r.is_root
  AND r.password_enabled
  AND coalesce(r.password_last_used, r.password_last_changed, r.user_creation_time) <= r.synced_at - INTERVAL 45 DAY
UNION ALL
SELECT
  k.access_key_id AS resource_id,
  k.account_id,
  k.region,
  CASE
    WHEN k.last_used_date IS NULL THEN 'Access key ' || k.access_key_id || ' of ' || k.user_name || ' is active and was never used since its creation on ' || strftime(k.create_date, '%Y-%m-%d') || ' (45 days or more before ' || strftime(k.synced_at, '%Y-%m-%d') || ')'
    ELSE 'Access key ' || k.access_key_id || ' of ' || k.user_name || ' is active and unused since ' || strftime(k.last_used_date, '%Y-%m-%d') || ' (45 days or more before ' || strftime(k.synced_at, '%Y-%m-%d') || ')'
  END AS reason,
  k.user_name,
  'access key' AS credential,
  k.last_used_date AS last_used
FROM aws_iam_access_keys k
WHERE k.status = 'Active'
  AND coalesce(k.last_used_date, k.create_date) <= k.synced_at - INTERVAL 45 DAY
