-- CIS "centralized root access in AWS Organizations": for every organization the synced accounts belong to,
-- IAM has trusted access (iam.amazonaws.com in ListAWSServiceAccessForOrganization) and both centralized root
-- access features are enabled (ListOrganizationsFeatures: RootCredentialsManagement and RootSessions). These
-- facts exist only in the management account: an organization whose management account was not synced fails
-- with its own reason. Standalone accounts have no organization and are not evaluated.
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
    WHEN o.id IS NULL THEN 'The management account ' || g.management_account_id || ' of ' || g.organization_id || ' was not synced: centralized root access can only be read there'
    WHEN NOT list_contains(o.trusted_services, 'iam.amazonaws.com') OR f.iam_trusted_access IS NOT TRUE THEN 'IAM has no trusted access in the organization, so member accounts keep their own root credentials'
    ELSE 'Centralized root access is incomplete: ' || array_to_string(list_filter(['RootCredentialsManagement', 'RootSessions'], x -> NOT list_contains(coalesce(f.enabled_features, []), x)), ' and ') || ' not enabled'
  END AS reason,
  g.organization_id,
  f.enabled_features
FROM orgs g
LEFT JOIN aws_organizations_organizations o ON o.account_id = g.management_account_id AND o.id = g.organization_id
LEFT JOIN aws_iam_organizations_features f ON f.account_id = g.management_account_id
WHERE o.id IS NULL
   OR NOT list_contains(o.trusted_services, 'iam.amazonaws.com')
   OR f.iam_trusted_access IS NOT TRUE
   OR NOT list_contains(f.enabled_features, 'RootCredentialsManagement')
   OR NOT list_contains(f.enabled_features, 'RootSessions')
ORDER BY g.organization_id;
