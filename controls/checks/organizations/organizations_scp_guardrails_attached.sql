-- CIS "authorization guardrails for all AWS Organization accounts". Calabi's reading: service control
-- policies are enabled on the root, and every ACTIVE member account has at least one customer-managed SCP
-- (anything but the AWS managed FullAWSAccess, which restricts nothing) attached to itself, to an OU above it
-- or to the root. The management account is not evaluated: SCPs never apply to it. What the SCPs deny is not
-- judged. An organization whose management account was not synced fails with its own reason.
WITH RECURSIVE orgs AS (
  SELECT DISTINCT organization_id, organization_master_account_id AS management_account_id, partition
  FROM aws_accounts
  WHERE organization_id IS NOT NULL
),
nodes AS (
  SELECT account_id AS management_account_id, id, parent_id FROM aws_organizations_accounts
  UNION ALL
  SELECT account_id, id, parent_id FROM aws_organizations_units
),
-- Every (member account, node on its path to the root): the account itself, each OU above it, the root.
path(management_account_id, member_id, node_id) AS (
  SELECT account_id, id, id FROM aws_organizations_accounts WHERE status = 'ACTIVE' AND id <> account_id
  UNION ALL
  SELECT p.management_account_id, p.member_id, n.parent_id
  FROM path p
  JOIN nodes n ON n.management_account_id = p.management_account_id AND n.id = p.node_id
  WHERE n.parent_id IS NOT NULL
),
guardrails AS (
  SELECT account_id AS management_account_id, name, unnest(target_ids) AS target_id
  FROM aws_organizations_policies
  WHERE NOT aws_managed
),
covered AS (
  SELECT DISTINCT p.management_account_id, p.member_id
  FROM path p
  JOIN guardrails g ON g.management_account_id = p.management_account_id AND g.target_id = p.node_id
)
SELECT
  'arn:' || g.partition || ':organizations::' || g.management_account_id || ':organization/' || g.organization_id AS resource_id,
  g.management_account_id AS account_id,
  'global' AS region,
  CASE
    WHEN o.id IS NULL THEN 'The management account ' || g.management_account_id || ' of ' || g.organization_id || ' was not synced: its policies can only be read there'
    ELSE 'Service control policies are not enabled on the root of ' || g.organization_id || ': no account has authorization guardrails'
  END AS reason,
  g.organization_id,
  NULL AS parent_id
FROM orgs g
LEFT JOIN aws_organizations_organizations o ON o.account_id = g.management_account_id AND o.id = g.organization_id
WHERE o.scp_enabled IS NOT TRUE
UNION ALL
SELECT
  a.arn,
  a.id,
  'global',
  'Account ' || a.id || coalesce(' (' || a.name || ')', '') || ' has no service control policy other than FullAWSAccess on itself, its OUs or the root',
  o.id,
  a.parent_id
FROM aws_organizations_accounts a
JOIN aws_organizations_organizations o ON o.account_id = a.account_id AND o.scp_enabled
LEFT JOIN covered c ON c.management_account_id = a.account_id AND c.member_id = a.id
WHERE a.status = 'ACTIVE'
  AND a.id <> a.account_id
  AND c.member_id IS NULL
ORDER BY resource_id;
