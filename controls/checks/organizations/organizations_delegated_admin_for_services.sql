-- CIS "delegated admins manage AWS Organizations-integrated services": every security service integrated with
-- the organization (trusted access enabled) that supports a delegated administrator has one registered, so it
-- is run from a security account rather than the management account. The list of services is Calabi's,
-- from AWS's "services that work with Organizations" (delegated administrator supported); integrated services
-- outside it are not judged. One row per organization, naming the services without a delegated administrator.
WITH orgs AS (
  SELECT DISTINCT organization_id, organization_master_account_id AS management_account_id, partition
  FROM aws_accounts
  WHERE organization_id IS NOT NULL
),
security_services(service_principal) AS (
  VALUES ('access-analyzer.amazonaws.com'), ('auditmanager.amazonaws.com'), ('cloudtrail.amazonaws.com'),
         ('config.amazonaws.com'), ('config-multiaccountsetup.amazonaws.com'), ('detective.amazonaws.com'),
         ('fms.amazonaws.com'), ('guardduty.amazonaws.com'), ('inspector2.amazonaws.com'), ('macie.amazonaws.com'),
         ('securityhub.amazonaws.com'), ('securitylake.amazonaws.com')
),
missing AS (
  SELECT o.account_id, o.id, list(s.service_principal ORDER BY s.service_principal) AS services
  FROM aws_organizations_organizations o
  JOIN security_services s ON list_contains(o.trusted_services, s.service_principal)
  WHERE NOT EXISTS (
    SELECT 1 FROM aws_organizations_delegated_administrators d
    WHERE d.account_id = o.account_id AND d.service_principal = s.service_principal AND d.admin_account_status = 'ACTIVE'
  )
  GROUP BY ALL
)
SELECT
  'arn:' || g.partition || ':organizations::' || g.management_account_id || ':organization/' || g.organization_id AS resource_id,
  g.management_account_id AS account_id,
  'global' AS region,
  CASE
    WHEN o.id IS NULL THEN 'The management account ' || g.management_account_id || ' of ' || g.organization_id || ' was not synced: delegated administrators can only be read there'
    ELSE 'Integrated security services without a delegated administrator (run from the management account): ' || array_to_string(m.services, ', ')
  END AS reason,
  g.organization_id,
  m.services AS services_without_delegated_admin
FROM orgs g
LEFT JOIN aws_organizations_organizations o ON o.account_id = g.management_account_id AND o.id = g.organization_id
LEFT JOIN missing m ON m.account_id = g.management_account_id AND m.id = g.organization_id
WHERE o.id IS NULL OR m.id IS NOT NULL
ORDER BY g.organization_id;
