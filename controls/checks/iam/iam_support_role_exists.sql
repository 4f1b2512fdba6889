-- CIS 1.17: a support role exists. As the CIS audit reads ListEntitiesForPolicy's PolicyRoles, a role must have
-- AWSSupportAccess attached; users or groups holding it do not make a support role.
WITH holders AS (
  SELECT account_id,
         count(*) FILTER (WHERE entity_type = 'role') AS roles,
         count(*) FILTER (WHERE entity_type <> 'role') AS others
  FROM aws_iam_policy_entities
  WHERE policy_name = 'AWSSupportAccess'
  GROUP BY account_id
)
SELECT
  -- The account principal, AWS's own name for the account (docs/resource-ids.md).
  'arn:' || a.partition || ':iam::' || a.account_id || ':root' AS resource_id,
  a.account_id,
  'global' AS region,
  CASE
    WHEN coalesce(h.others, 0) > 0 THEN 'No IAM role has AWSSupportAccess attached (only ' || h.others || ' user(s) or group(s) do)'
    ELSE 'No IAM role has AWSSupportAccess attached, so nobody is set up to manage incidents with AWS Support'
  END AS reason,
  coalesce(h.others, 0) AS users_and_groups_with_support_access
FROM aws_accounts a
LEFT JOIN holders h ON h.account_id = a.account_id
WHERE coalesce(h.roles, 0) = 0
