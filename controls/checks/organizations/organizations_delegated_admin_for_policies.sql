-- CIS "a delegated administrator manages AWS Organizations policies": the organization has a resource-based
-- delegation policy (DescribeResourcePolicy) that allows a principal other than '*' to act on Organizations
-- policies (organizations:* or an action on policies), so day-to-day policy work happens outside the
-- management account. The principals are computed at sync time from the normalised policy.
WITH orgs AS (
  SELECT DISTINCT organization_id, organization_master_account_id AS management_account_id, partition
  FROM aws_accounts
  WHERE organization_id IS NOT NULL
)
SELECT
  'arn:' || g.partition || ':organizations::' || g.management_account_id || ':organization/' || g.organization_id AS resource_id,
  g.management_account_id AS account_id,
  'global' AS region,
  CASE
    WHEN o.id IS NULL THEN 'The management account ' || g.management_account_id || ' of ' || g.organization_id || ' was not synced: the delegation policy can only be read there'
    WHEN r.configured IS NOT TRUE THEN 'The organization has no resource-based delegation policy: Organizations policies are managed from the management account'
    ELSE 'The delegation policy does not let any account manage Organizations policies'
  END AS reason,
  g.organization_id,
  r.policy
FROM orgs g
LEFT JOIN aws_organizations_organizations o ON o.account_id = g.management_account_id AND o.id = g.organization_id
LEFT JOIN aws_organizations_resource_policies r ON r.account_id = g.management_account_id
WHERE o.id IS NULL OR r.configured IS NOT TRUE OR coalesce(len(r.policy_delegates), 0) = 0
ORDER BY g.organization_id;
