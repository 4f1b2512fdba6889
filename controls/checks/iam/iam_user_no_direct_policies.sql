-- CIS 1.15: users receive permissions only through groups: no managed policy attached to, and no inline policy
-- embedded in, the user itself.
SELECT
  u.arn AS resource_id,
  u.account_id,
  u.region,
  'User ' || u.user_name || ' has ' ||
    CASE
      WHEN len(u.attached_policy_arns) > 0 AND len(u.inline_policy_names) > 0 THEN 'attached and inline policies'
      WHEN len(u.attached_policy_arns) > 0 THEN 'policies attached directly'
      ELSE 'inline policies'
    END || ' instead of permissions through groups' AS reason,
  u.user_name,
  u.attached_policy_arns,
  u.inline_policy_names
FROM aws_iam_users u
WHERE len(coalesce(u.attached_policy_arns, [])) > 0
   OR len(coalesce(u.inline_policy_names, [])) > 0
