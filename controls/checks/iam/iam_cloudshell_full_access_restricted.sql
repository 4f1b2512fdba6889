-- CIS "access to AWSCloudShellFullAccess is restricted": every user, group or role holding the AWS managed
-- policy is reported, so each holder is either removed or recorded as an exception with its justification
-- (the policy lets its holder move files in and out of CloudShell, a path around data-loss controls).
SELECT
  coalesce(u.arn, g.arn, r.arn,
           'arn:' || a.partition || ':iam::' || e.account_id || ':' || e.entity_type || '/' || e.entity_name) AS resource_id,
  e.account_id,
  'global' AS region,
  'The ' || e.entity_type || ' ' || e.entity_name || ' has AWSCloudShellFullAccess attached: CloudShell with file upload and download' AS reason,
  e.entity_type,
  e.entity_name,
  e.policy_arn
FROM aws_iam_policy_entities e
JOIN aws_accounts a ON a.account_id = e.account_id
LEFT JOIN aws_iam_users u ON e.entity_type = 'user' AND u.account_id = e.account_id AND u.user_id = e.entity_id
LEFT JOIN aws_iam_groups g ON e.entity_type = 'group' AND g.account_id = e.account_id AND g.group_id = e.entity_id
LEFT JOIN aws_iam_roles r ON e.entity_type = 'role' AND r.account_id = e.account_id AND r.role_id = e.entity_id
WHERE e.policy_name = 'AWSCloudShellFullAccess'
ORDER BY e.account_id, e.entity_type, e.entity_name;
