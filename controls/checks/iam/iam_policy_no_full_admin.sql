-- CIS 1.16: no attached policy allows every action on every resource. As the CIS audit does, every attached
-- managed policy counts (AWS managed AdministratorAccess too); inline policies of users, groups and roles are
-- checked as well, since they grant the same power. "Every action on every resource" is derived at sync time
-- from the normalised document (sync/policy/full-admin.ts: "*", "*:*", "arn:aws:*:*:*:*", an empty NotAction…,
-- with or without a Condition). A document that could not be analysed (NULL) fails: unknown is not "no admin".
SELECT
  p.arn AS resource_id,
  p.account_id,
  p.region,
  CASE
    WHEN p.allows_full_admin IS NULL THEN 'Managed policy ' || p.policy_name || ' could not be analysed (its document is unknown): sync again'
    ELSE 'Managed policy ' || p.policy_name || ' allows every action on every resource (statement ' || array_to_string(p.full_admin_statements, ', ') || ')'
      || CASE WHEN p.full_admin_conditional THEN ' under a condition' ELSE '' END
  END AS reason,
  p.attachment_count,
  p.full_admin_statements AS statements
FROM aws_iam_policies p
WHERE p.attachment_count > 0 AND p.allows_full_admin IS NOT FALSE
UNION ALL
SELECT x.arn, x.account_id, x.region,
       CASE WHEN x.admin IS NULL THEN x.what || ' has inline policies that could not be analysed: sync again'
            ELSE 'Inline policy ' || name || ' of ' || x.what || ' allows every action on every resource' END,
       NULL, NULL
FROM (
  SELECT arn, account_id, region, 'user ' || user_name AS what, full_admin_inline_policies AS admin, inline_policy_names AS names FROM aws_iam_users
  UNION ALL
  SELECT arn, account_id, region, 'group ' || group_name, full_admin_inline_policies, inline_policy_names FROM aws_iam_groups
  UNION ALL
  SELECT arn, account_id, region, 'role ' || role_name, full_admin_inline_policies, inline_policy_names FROM aws_iam_roles
) x, unnest(coalesce(x.admin, [NULL::VARCHAR])) AS t(name)
WHERE len(x.admin) > 0 OR (x.admin IS NULL AND len(coalesce(x.names, [])) > 0)
