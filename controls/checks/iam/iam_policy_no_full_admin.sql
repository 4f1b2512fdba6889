-- CIS 1.16: no attached policy allows "*" actions on "*" resources. As the CIS audit does, every attached
-- managed policy counts (AWS managed AdministratorAccess too); inline policies of users, groups and roles are
-- checked as well, since they grant the same power. Statement, Action and Resource may be a value or a list.
WITH documents AS (
  SELECT account_id, region, arn AS resource_id, 'Managed policy ' || policy_name AS what, document AS doc, attachment_count
  FROM aws_iam_policies
  WHERE attachment_count > 0
  UNION ALL
  SELECT u.account_id, u.region, u.arn, 'Inline policy ' || (p ->> 'name') || ' of user ' || u.user_name, p -> 'document', NULL
  FROM aws_iam_users u, unnest(json_extract(u.inline_policies, '$[*]')) AS t(p)
  UNION ALL
  SELECT g.account_id, g.region, g.arn, 'Inline policy ' || (p ->> 'name') || ' of group ' || g.group_name, p -> 'document', NULL
  FROM aws_iam_groups g, unnest(json_extract(g.inline_policies, '$[*]')) AS t(p)
  UNION ALL
  SELECT r.account_id, r.region, r.arn, 'Inline policy ' || (p ->> 'name') || ' of role ' || r.role_name, p -> 'document', NULL
  FROM aws_iam_roles r, unnest(json_extract(r.inline_policies, '$[*]')) AS t(p)
),
statements AS (
  SELECT d.*, unnest(
    CASE WHEN json_type(d.doc, '$.Statement') = 'ARRAY' THEN json_extract(d.doc, '$.Statement[*]') ELSE [json_extract(d.doc, '$.Statement')] END
  ) AS stmt
  FROM documents d
  WHERE d.doc IS NOT NULL
)
SELECT
  resource_id,
  account_id,
  region,
  what || ' allows every action ("*") on every resource ("*")' AS reason,
  attachment_count
FROM statements
WHERE stmt ->> 'Effect' = 'Allow'
  AND list_has_any(
    CASE WHEN json_type(stmt, '$.Action') = 'ARRAY' THEN json_extract_string(stmt, '$.Action[*]') ELSE [stmt ->> 'Action'] END,
    ['*', '*:*'])
  AND list_contains(
    CASE WHEN json_type(stmt, '$.Resource') = 'ARRAY' THEN json_extract_string(stmt, '$.Resource[*]') ELSE [stmt ->> 'Resource'] END,
    '*')
GROUP BY resource_id, account_id, region, what, attachment_count
