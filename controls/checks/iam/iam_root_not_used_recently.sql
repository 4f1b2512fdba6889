-- CIS 1.7: the root user is not used for daily work. Any sign-in or access-key use by root in the last 7 days
-- fails: a weekly scan then sees every use, while a break-glass use weeks ago does not stay red forever.
-- Without a <root_account> row in the credential report, root use cannot be ruled out. The 7 days end when the
-- report was collected (synced_at), not now, so re-evaluating old data gives the same verdict. The finding is
-- the root user, arn:<partition>:iam::<account>:root.
SELECT
  'arn:' || a.partition || ':iam::' || a.account_id || ':root' AS resource_id,
  a.account_id,
  'global' AS region,
  CASE
    WHEN r.arn IS NULL THEN 'The credential report has no <root_account> row, so recent root use cannot be ruled out'
    ELSE 'The root user was used on ' || strftime(greatest(r.password_last_used, r.access_key_1_last_used_date, r.access_key_2_last_used_date), '%Y-%m-%d %H:%M UTC') || ', within the last 7 days (as of ' || strftime(r.synced_at, '%Y-%m-%d %H:%M UTC') || ', when the credential report was collected)'
  END AS reason,
  r.password_last_used AS root_password_last_used,
  r.access_key_1_last_used_date AS root_access_key_1_last_used,
  r.access_key_2_last_used_date AS root_access_key_2_last_used
FROM aws_accounts a
LEFT JOIN aws_iam_credential_report r ON r.account_id = a.account_id AND r.is_root
WHERE r.arn IS NULL
   OR greatest(r.password_last_used, r.access_key_1_last_used_date, r.access_key_2_last_used_date) >= r.synced_at - INTERVAL 7 DAY
