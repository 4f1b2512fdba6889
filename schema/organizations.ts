import { defineTable, type TableDef } from './table.js';

// Organization-wide facts are readable from the management account only: these tables have rows for the
// management account of an organization and none for members or standalone accounts (aws_accounts says which
// accounts belong to which organization).

export const awsOrganizationsOrganizations = defineTable({
  name: 'aws_organizations_organizations',
  description: 'One row per synced management account: its organization, root, enabled policy types and trusted (integrated) services',
  scope: 'global',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Organization ARN' },
    { name: 'id', type: 'VARCHAR', description: 'Organization id (o-…)' },
    { name: 'master_account_id', type: 'VARCHAR', description: 'Management account id' },
    { name: 'feature_set', type: 'VARCHAR', description: 'ALL or CONSOLIDATED_BILLING (policies need ALL)' },
    { name: 'root_id', type: 'VARCHAR', description: 'Root id (r-…)' },
    { name: 'root_arn', type: 'VARCHAR', description: 'Root ARN' },
    { name: 'enabled_policy_types', type: 'VARCHAR[]', description: 'Policy types ENABLED on the root (SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY, TAG_POLICY, …)' },
    { name: 'scp_enabled', type: 'BOOLEAN', description: 'True when SERVICE_CONTROL_POLICY is enabled on the root' },
    { name: 'trusted_services', type: 'VARCHAR[]', description: 'Service principals with trusted access (ListAWSServiceAccessForOrganization)' },
  ],
});

export const awsOrganizationsUnits = defineTable({
  name: 'aws_organizations_units',
  description: 'One row per organizational unit, with its parent (the root or another OU)',
  scope: 'global',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'OU ARN' },
    { name: 'id', type: 'VARCHAR', description: 'OU id (ou-…)' },
    { name: 'name', type: 'VARCHAR', description: 'OU name' },
    { name: 'parent_id', type: 'VARCHAR', description: 'Parent: a root id (r-…) or an OU id' },
  ],
});

export const awsOrganizationsAccounts = defineTable({
  name: 'aws_organizations_accounts',
  description: 'One row per member account of the organization (the management account included), with its parent',
  scope: 'global',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:organizations::<management>:account/o-…/<account id>' },
    { name: 'id', type: 'VARCHAR', description: 'Account id' },
    { name: 'name', type: 'VARCHAR', description: 'Account name' },
    { name: 'email', type: 'VARCHAR', description: 'Root email address of the account' },
    { name: 'status', type: 'VARCHAR', description: 'ACTIVE, SUSPENDED or PENDING_CLOSURE' },
    { name: 'parent_id', type: 'VARCHAR', description: 'Parent: a root id or an OU id' },
    { name: 'joined_timestamp', type: 'TIMESTAMP', description: 'When the account joined the organization' },
  ],
});

export const awsOrganizationsPolicies = defineTable({
  name: 'aws_organizations_policies',
  description: 'One row per service control policy, with the roots, OUs and accounts it is attached to',
  scope: 'global',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Policy ARN' },
    { name: 'id', type: 'VARCHAR', description: 'Policy id (p-…; p-FullAWSAccess for the AWS managed one)' },
    { name: 'name', type: 'VARCHAR', description: 'Policy name' },
    { name: 'type', type: 'VARCHAR', description: 'SERVICE_CONTROL_POLICY' },
    { name: 'aws_managed', type: 'BOOLEAN', description: 'True for AWS managed policies (FullAWSAccess)' },
    { name: 'target_ids', type: 'VARCHAR[]', description: 'Roots, OUs and accounts the policy is attached to (ListTargetsForPolicy)' },
  ],
});

export const awsOrganizationsDelegatedAdministrators = defineTable({
  name: 'aws_organizations_delegated_administrators',
  description: 'One row per delegated administrator account and service it administers',
  scope: 'global',
  resourceId: 'delegation_id',
  columns: [
    { name: 'delegation_id', type: 'VARCHAR', description: '<account id>/<service principal>' },
    { name: 'admin_account_id', type: 'VARCHAR', description: 'Delegated administrator account' },
    { name: 'admin_account_name', type: 'VARCHAR', description: 'Its name' },
    { name: 'admin_account_status', type: 'VARCHAR', description: 'ACTIVE, SUSPENDED or PENDING_CLOSURE' },
    { name: 'service_principal', type: 'VARCHAR', description: 'Service it administers, e.g. guardduty.amazonaws.com' },
    { name: 'delegation_enabled_date', type: 'TIMESTAMP', description: 'When the delegation was registered' },
  ],
});

export const awsOrganizationsResourcePolicies = defineTable({
  name: 'aws_organizations_resource_policies',
  description: "One row per synced management account: the organization's resource-based delegation policy (who may manage Organizations policies), configured = false when none",
  scope: 'global',
  resourceId: 'organization_arn',
  columns: [
    { name: 'organization_arn', type: 'VARCHAR', description: 'Organization ARN' },
    { name: 'configured', type: 'BOOLEAN', description: 'False when the organization has no resource policy (ResourcePolicyNotFoundException)' },
    { name: 'policy', type: 'JSON', description: 'The delegation policy document' },
    { name: 'policy_normalized', type: 'JSON', description: 'The policy in normalised form (sync/policy/normalize.ts)' },
    { name: 'policy_delegates', type: 'VARCHAR[]', description: 'Principals (not *) allowed by the policy to act on Organizations policies (organizations:* or an action on policies)' },
  ],
});

export const awsIamOrganizationsFeatures = defineTable({
  name: 'aws_iam_organizations_features',
  description: 'One row per synced management account: the centralized root access features IAM has enabled for the organization (ListOrganizationsFeatures)',
  scope: 'global',
  resourceId: 'organization_id',
  columns: [
    { name: 'organization_id', type: 'VARCHAR', description: 'Organization id' },
    { name: 'iam_trusted_access', type: 'BOOLEAN', description: 'False when IAM has no trusted access in the organization (ServiceAccessNotEnabledException)' },
    { name: 'enabled_features', type: 'VARCHAR[]', description: 'RootCredentialsManagement, RootSessions' },
  ],
});

export const tables: TableDef[] = [
  awsOrganizationsOrganizations,
  awsOrganizationsUnits,
  awsOrganizationsAccounts,
  awsOrganizationsPolicies,
  awsOrganizationsDelegatedAdministrators,
  awsOrganizationsResourcePolicies,
  awsIamOrganizationsFeatures,
];
