import { defineTable, type ColumnDef, type TableDef } from './table.js';

const policyLists: readonly ColumnDef[] = [
  { name: 'attached_policy_arns', type: 'VARCHAR[]', description: 'ARNs of the managed policies attached directly' },
  { name: 'inline_policy_names', type: 'VARCHAR[]', description: 'Names of the inline policies embedded directly' },
  { name: 'inline_policies', type: 'JSON', description: 'Inline policies as [{"name", "document"}], documents decoded to JSON' },
  { name: 'inline_policies_normalized', type: 'JSON', description: 'The inline policies in the normalised shape (lists everywhere, Principal as {AWS: [...]}, condition operators and keys lower-cased); NULL when one could not be normalised' },
  { name: 'full_admin_inline_policies', type: 'VARCHAR[]', description: 'Names of the inline policies with a statement allowing every action on every resource; NULL when not derived' },
  { name: 'kms_decrypt_inline_policies', type: 'VARCHAR[]', description: 'Names of the inline policies with an Allow statement letting kms:Decrypt or kms:ReEncryptFrom act on every KMS key (sync/policy/kms-decrypt.ts); NULL when not derived' },
];

export const awsIamUsers = defineTable({
  name: 'aws_iam_users',
  description: 'IAM users with their console password, MFA devices, groups and directly granted policies',
  scope: 'global',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'The user ARN' },
    { name: 'user_name', type: 'VARCHAR', description: 'The user name' },
    { name: 'user_id', type: 'VARCHAR', description: 'The stable unique id (AIDA…)' },
    { name: 'path', type: 'VARCHAR', description: 'The IAM path' },
    { name: 'create_date', type: 'TIMESTAMP', description: 'When the user was created (UTC)' },
    { name: 'password_enabled', type: 'BOOLEAN', description: 'True when the user has a console password (credential report password_enabled; GetLoginProfile for a user newer than the report)' },
    { name: 'password_create_date', type: 'TIMESTAMP', description: 'When the console password was set (credential report password_last_changed; GetLoginProfile CreateDate for a user newer than the report)' },
    { name: 'password_reset_required', type: 'BOOLEAN', description: 'The user must set a new password at next sign-in; only GetLoginProfile says it, so NULL for a user read from the credential report' },
    { name: 'mfa_active', type: 'BOOLEAN', description: 'True when at least one MFA device is assigned (credential report mfa_active; ListMFADevices for a user newer than the report)' },
    { name: 'mfa_device_serials', type: 'VARCHAR[]', description: 'Serial numbers of the assigned virtual MFA devices (ListVirtualMFADevices); no account-wide call lists hardware or FIDO devices, so they appear only for a user newer than the credential report (ListMFADevices)' },
    ...policyLists,
    { name: 'group_names', type: 'VARCHAR[]', description: 'Groups the user belongs to' },
    { name: 'permissions_boundary_arn', type: 'VARCHAR', description: 'The permissions boundary policy, if any' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const awsIamAccessKeys = defineTable({
  name: 'aws_iam_access_keys',
  description: 'One row per IAM user access key, with its status, age and last use',
  scope: 'global',
  resourceId: 'access_key_id',
  columns: [
    { name: 'access_key_id', type: 'VARCHAR', description: 'The access key id (AKIA…)' },
    { name: 'user_name', type: 'VARCHAR', description: 'The owning user' },
    { name: 'user_arn', type: 'VARCHAR', description: 'The owning user ARN' },
    { name: 'status', type: 'VARCHAR', description: 'Active or Inactive' },
    { name: 'create_date', type: 'TIMESTAMP', description: 'When the key was created (UTC): its last rotation' },
    { name: 'last_used_date', type: 'TIMESTAMP', description: 'When the key last signed a request; NULL if never (credential report access_key_N_last_used_date, matched by creation time; GetAccessKeyLastUsed for a key newer than the report)' },
    { name: 'last_used_service', type: 'VARCHAR', description: 'Service of the last use; NULL if never' },
    { name: 'last_used_region', type: 'VARCHAR', description: 'Region of the last use; NULL if never' },
  ],
});

export const awsIamGroups = defineTable({
  name: 'aws_iam_groups',
  description: 'IAM groups with their members and policies',
  scope: 'global',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'The group ARN' },
    { name: 'group_name', type: 'VARCHAR', description: 'The group name' },
    { name: 'group_id', type: 'VARCHAR', description: 'The stable unique id (AGPA…)' },
    { name: 'path', type: 'VARCHAR', description: 'The IAM path' },
    { name: 'create_date', type: 'TIMESTAMP', description: 'When the group was created (UTC)' },
    ...policyLists,
    { name: 'user_names', type: 'VARCHAR[]', description: 'Members of the group' },
  ],
});

export const awsIamRoles = defineTable({
  name: 'aws_iam_roles',
  description: 'IAM roles with their trust policy and permissions policies',
  scope: 'global',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'The role ARN' },
    { name: 'role_name', type: 'VARCHAR', description: 'The role name' },
    { name: 'role_id', type: 'VARCHAR', description: 'The stable unique id (AROA…)' },
    { name: 'path', type: 'VARCHAR', description: 'The IAM path (/aws-service-role/ for service-linked roles)' },
    { name: 'create_date', type: 'TIMESTAMP', description: 'When the role was created (UTC)' },
    { name: 'assume_role_policy', type: 'JSON', description: 'The trust policy, decoded' },
    { name: 'assume_role_policy_normalized', type: 'JSON', description: 'The trust policy in the normalised shape' },
    ...policyLists,
    { name: 'instance_profile_arns', type: 'VARCHAR[]', description: 'Instance profiles that carry the role' },
    { name: 'last_used_date', type: 'TIMESTAMP', description: 'When the role was last assumed; NULL if never or unknown' },
    { name: 'permissions_boundary_arn', type: 'VARCHAR', description: 'The permissions boundary policy, if any' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const awsIamPolicies = defineTable({
  name: 'aws_iam_policies',
  description: 'Customer managed policies, and the AWS managed policies attached to something, with the default version',
  scope: 'global',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'The policy ARN (arn:<partition>:iam::aws:policy/… for AWS managed)' },
    { name: 'policy_name', type: 'VARCHAR', description: 'The policy name' },
    { name: 'policy_id', type: 'VARCHAR', description: 'The stable unique id (ANPA…)' },
    { name: 'path', type: 'VARCHAR', description: 'The IAM path' },
    { name: 'is_aws_managed', type: 'BOOLEAN', description: 'True for AWS managed policies' },
    { name: 'default_version_id', type: 'VARCHAR', description: 'The version in force (v1, v2, …)' },
    { name: 'attachment_count', type: 'INTEGER', description: 'How many users, groups and roles it is attached to' },
    { name: 'is_attachable', type: 'BOOLEAN', description: 'Whether it can be attached' },
    { name: 'create_date', type: 'TIMESTAMP', description: 'When the policy was created (UTC)' },
    { name: 'update_date', type: 'TIMESTAMP', description: 'When the policy was last changed (UTC)' },
    { name: 'document', type: 'JSON', description: 'The default version document, decoded to JSON' },
    { name: 'document_normalized', type: 'JSON', description: 'The default version document in the normalised shape (lists everywhere, Principal as {AWS: [...]}, condition operators and keys lower-cased)' },
    { name: 'allows_full_admin', type: 'BOOLEAN', description: 'A statement allows every action on every resource ("*", "*:*", "arn:aws:*:*:*:*", empty NotAction…); NULL when the document is unknown' },
    { name: 'full_admin_statements', type: 'VARCHAR[]', description: 'Sids (or #positions) of those statements' },
    { name: 'full_admin_conditional', type: 'BOOLEAN', description: 'Every such statement carries a Condition (full admin for whoever meets it)' },
    { name: 'service_wildcard_statements', type: 'VARCHAR[]', description: 'Sids (or #positions) of the Allow statements granting every action of at least one service ("s3:*", "*", a NotAction leaving a service whole; sync/policy/service-wildcard.ts); NULL when the document is unknown' },
    { name: 'kms_decrypt_all_keys_statements', type: 'VARCHAR[]', description: 'Sids (or #positions) of the Allow statements letting kms:Decrypt or kms:ReEncryptFrom act on every KMS key (sync/policy/kms-decrypt.ts); NULL when the document is unknown' },
  ],
});

export const awsIamVirtualMfaDevices = defineTable({
  name: 'aws_iam_virtual_mfa_devices',
  description: 'Virtual MFA devices; the root user’s one has the serial …:mfa/root-account-mfa-device',
  scope: 'global',
  resourceId: 'serial_number',
  columns: [
    { name: 'serial_number', type: 'VARCHAR', description: 'The device ARN' },
    { name: 'user_arn', type: 'VARCHAR', description: 'The user it is assigned to (arn:…:root for the root user); NULL if unassigned' },
    { name: 'user_name', type: 'VARCHAR', description: 'The user name it is assigned to' },
    { name: 'is_root', type: 'BOOLEAN', description: 'Assigned to the root user' },
    { name: 'enable_date', type: 'TIMESTAMP', description: 'When it was enabled; NULL if unassigned' },
  ],
});

const ts = (name: string, description: string): ColumnDef => ({ name, type: 'TIMESTAMP', description });
const bool = (name: string, description: string): ColumnDef => ({ name, type: 'BOOLEAN', description });
const text = (name: string, description: string): ColumnDef => ({ name, type: 'VARCHAR', description });
const na = "; NULL for N/A, not_supported or no_information";

export const awsIamCredentialReport = defineTable({
  name: 'aws_iam_credential_report',
  description: 'The IAM credential report: one row per user, including <root_account> for the root user',
  scope: 'global',
  resourceId: 'arn',
  columns: [
    text('user', "User name, or '<root_account>'"),
    text('arn', 'The user ARN (arn:…:root for the root user)'),
    bool('is_root', "True for the '<root_account>' row"),
    ts('user_creation_time', 'When the user was created'),
    bool('password_enabled', `The user has a console password${na} (the root row says not_supported)`),
    ts('password_last_used', `Last console sign-in${na}`),
    ts('password_last_changed', `When the password was last set${na}`),
    ts('password_next_rotation', `When the password policy requires a new password${na}`),
    bool('mfa_active', 'An MFA device is enabled'),
    bool('access_key_1_active', 'First access key is active'),
    ts('access_key_1_last_rotated', `First key created or rotated${na}`),
    ts('access_key_1_last_used_date', `First key last used${na}`),
    text('access_key_1_last_used_region', `Region of that use${na}`),
    text('access_key_1_last_used_service', `Service of that use${na}`),
    bool('access_key_2_active', 'Second access key is active'),
    ts('access_key_2_last_rotated', `Second key created or rotated${na}`),
    ts('access_key_2_last_used_date', `Second key last used${na}`),
    text('access_key_2_last_used_region', `Region of that use${na}`),
    text('access_key_2_last_used_service', `Service of that use${na}`),
    bool('cert_1_active', 'First X.509 signing certificate is active'),
    ts('cert_1_last_rotated', `First certificate created or rotated${na}`),
    bool('cert_2_active', 'Second X.509 signing certificate is active'),
    ts('cert_2_last_rotated', `Second certificate created or rotated${na}`),
    ts('generated_time', 'When AWS generated the report (it may be up to 4 hours old)'),
  ],
});

export const awsIamAccountSummaries = defineTable({
  name: 'aws_iam_account_summaries',
  description: 'One row per account: IAM usage counts and the root user flags of GetAccountSummary',
  scope: 'global',
  resourceId: 'account_id',
  columns: [
    bool('account_mfa_enabled', 'The root user has MFA enabled (AccountMFAEnabled)'),
    bool('account_access_keys_present', 'The root user has access keys (AccountAccessKeysPresent)'),
    bool('account_signing_certificates_present', 'The root user has signing certificates'),
    { name: 'users', type: 'INTEGER', description: 'Number of IAM users' },
    { name: 'groups', type: 'INTEGER', description: 'Number of IAM groups' },
    { name: 'roles', type: 'INTEGER', description: 'Number of IAM roles' },
    { name: 'policies', type: 'INTEGER', description: 'Number of customer managed policies' },
    { name: 'mfa_devices', type: 'INTEGER', description: 'Number of MFA devices' },
    { name: 'mfa_devices_in_use', type: 'INTEGER', description: 'Number of MFA devices assigned to a user' },
  ],
});

export const awsIamPasswordPolicies = defineTable({
  name: 'aws_iam_password_policies',
  description: 'One row per account: the IAM password policy; configured = false when the account has none',
  scope: 'global',
  resourceId: 'account_id',
  columns: [
    bool('configured', 'False when GetAccountPasswordPolicy answered NoSuchEntity (AWS defaults apply; other columns NULL)'),
    { name: 'minimum_password_length', type: 'INTEGER', description: 'Minimum number of characters' },
    bool('require_symbols', 'At least one symbol required'),
    bool('require_numbers', 'At least one digit required'),
    bool('require_uppercase_characters', 'At least one upper-case letter required'),
    bool('require_lowercase_characters', 'At least one lower-case letter required'),
    bool('allow_users_to_change_password', 'Users may change their own password'),
    bool('expire_passwords', 'Passwords expire'),
    { name: 'max_password_age', type: 'INTEGER', description: 'Days before a password expires' },
    { name: 'password_reuse_prevention', type: 'INTEGER', description: 'How many previous passwords cannot be reused' },
    bool('hard_expiry', 'An expired password can only be reset by an administrator'),
  ],
});

export const awsIamServerCertificates = defineTable({
  name: 'aws_iam_server_certificates',
  description: 'SSL/TLS server certificates stored in IAM',
  scope: 'global',
  resourceId: 'arn',
  columns: [
    text('arn', 'The certificate ARN'),
    text('server_certificate_name', 'The certificate name'),
    text('server_certificate_id', 'The stable unique id'),
    text('path', 'The IAM path'),
    ts('upload_date', 'When it was uploaded (UTC)'),
    ts('expiration', 'When it expires (UTC)'),
  ],
});

export const awsIamSamlProviders = defineTable({
  name: 'aws_iam_saml_providers',
  description: 'SAML identity providers (identity federation)',
  scope: 'global',
  resourceId: 'arn',
  columns: [
    text('arn', 'The provider ARN'),
    text('name', 'The provider name (last part of the ARN)'),
    ts('create_date', 'When it was created (UTC)'),
    ts('valid_until', 'When its metadata expires (UTC)'),
  ],
});

export const awsIamPolicyEntities = defineTable({
  name: 'aws_iam_policy_entities',
  description: 'Who has AWSSupportAccess and AWSCloudShellFullAccess attached: one row per user, group or role',
  scope: 'global',
  resourceId: 'entity_id',
  columns: [
    text('policy_arn', 'The policy ARN'),
    text('policy_name', 'AWSSupportAccess or AWSCloudShellFullAccess'),
    text('entity_type', 'user, group or role'),
    text('entity_name', 'The user, group or role name'),
    text('entity_id', 'The stable unique id of the user, group or role'),
  ],
});

export const tables: TableDef[] = [
  awsIamUsers,
  awsIamAccessKeys,
  awsIamGroups,
  awsIamRoles,
  awsIamPolicies,
  awsIamVirtualMfaDevices,
  awsIamCredentialReport,
  awsIamAccountSummaries,
  awsIamPasswordPolicies,
  awsIamServerCertificates,
  awsIamSamlProviders,
  awsIamPolicyEntities,
];
