import type { GroupDetail, ManagedPolicyDetail, Policy, PolicyVersion, RoleDetail, UserDetail } from '@aws-sdk/client-iam';
import type { Row } from '../../schema/db.js';
import { identityPolicyFacts } from '../policy/facts.js';
import { partitionOf } from '../policy/kms-decrypt.js';
import { normalizePolicy } from '../policy/normalize.js';
import { decodePolicyDocument, inlinePolicies, tagsObject } from './documents.js';
import type { UserCredentials } from './user-credentials.js';

/**
 * Where a document that cannot be analysed is reported (the collector passes ctx.itemError, which marks the
 * table's scope in error): its derived columns stay NULL, never "no finding".
 */
export type ReportDocumentError = (error: Error, resourceId: string | undefined) => void;
const throwIt: ReportDocumentError = (error) => {
  throw error;
};

export function userRow(u: UserDetail, creds: UserCredentials, report: ReportDocumentError = throwIt): Row {
  return {
    arn: u.Arn,
    user_name: u.UserName,
    user_id: u.UserId,
    path: u.Path,
    create_date: u.CreateDate,
    password_enabled: creds.passwordEnabled,
    password_create_date: creds.passwordDate,
    password_reset_required: creds.passwordResetRequired,
    mfa_active: creds.mfaActive,
    mfa_device_serials: creds.mfaDeviceSerials,
    attached_policy_arns: (u.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn ?? ''),
    inline_policy_names: (u.UserPolicyList ?? []).map((p) => p.PolicyName ?? ''),
    ...inlineColumns(u.UserPolicyList, `user ${u.UserName}`, u.Arn, report),
    group_names: u.GroupList ?? [],
    permissions_boundary_arn: u.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    tags: tagsObject(u.Tags),
    raw: { ...u, ...creds.raw },
  };
}

export function groupRow(g: GroupDetail, members: string[], report: ReportDocumentError = throwIt): Row {
  return {
    arn: g.Arn,
    group_name: g.GroupName,
    group_id: g.GroupId,
    path: g.Path,
    create_date: g.CreateDate,
    attached_policy_arns: (g.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn ?? ''),
    inline_policy_names: (g.GroupPolicyList ?? []).map((p) => p.PolicyName ?? ''),
    ...inlineColumns(g.GroupPolicyList, `group ${g.GroupName}`, g.Arn, report),
    user_names: members,
    raw: g,
  };
}

export function roleRow(r: RoleDetail, report: ReportDocumentError = throwIt): Row {
  const trust = decodePolicyDocument(r.AssumeRolePolicyDocument, `role ${r.RoleName} trust policy`);
  return {
    arn: r.Arn,
    role_name: r.RoleName,
    role_id: r.RoleId,
    path: r.Path,
    create_date: r.CreateDate,
    assume_role_policy: trust,
    assume_role_policy_normalized: trust === null ? null : analyse(() => normalizePolicy(trust), `role ${r.RoleName} trust policy`, r.Arn, report),
    attached_policy_arns: (r.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn ?? ''),
    inline_policy_names: (r.RolePolicyList ?? []).map((p) => p.PolicyName ?? ''),
    ...inlineColumns(r.RolePolicyList, `role ${r.RoleName}`, r.Arn, report),
    instance_profile_arns: (r.InstanceProfileList ?? []).map((p) => p.Arn ?? ''),
    last_used_date: r.RoleLastUsed?.LastUsedDate ?? null,
    permissions_boundary_arn: r.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    tags: tagsObject(r.Tags),
    raw: r,
  };
}

/** A customer managed policy from GetAccountAuthorizationDetails, which carries every version's document. */
export function localPolicyRow(p: ManagedPolicyDetail, report: ReportDocumentError = throwIt): Row {
  const version = (p.PolicyVersionList ?? []).find((v) => v.IsDefaultVersion) ?? (p.PolicyVersionList ?? []).find((v) => v.VersionId === p.DefaultVersionId);
  const document = decodePolicyDocument(version?.Document, `policy ${p.Arn} ${p.DefaultVersionId}`);
  return {
    ...policyColumns(p, false),
    ...managedPolicyDocumentColumns(document, `policy ${p.Arn}`, p.Arn, report),
    raw: p,
  };
}

/** An attached AWS managed policy from ListPolicies plus its default version (undefined: GetPolicyVersion failed). */
export function awsPolicyRow(p: Policy, version: PolicyVersion | undefined, report: ReportDocumentError = throwIt): Row {
  const document = version ? decodePolicyDocument(version.Document, `policy ${p.Arn} ${p.DefaultVersionId}`) : null;
  return {
    ...policyColumns(p, true),
    ...managedPolicyDocumentColumns(document, `policy ${p.Arn}`, p.Arn, report),
    raw: { ...p, DefaultVersion: version ?? null },
  };
}

function policyColumns(p: Policy | ManagedPolicyDetail, awsManaged: boolean): Row {
  return {
    arn: p.Arn,
    policy_name: p.PolicyName ?? p.Arn?.split('/').pop() ?? null, // moto leaves the name out of ManagedPolicyDetail
    policy_id: p.PolicyId,
    path: p.Path,
    is_aws_managed: awsManaged,
    default_version_id: p.DefaultVersionId,
    attachment_count: p.AttachmentCount ?? null,
    is_attachable: p.IsAttachable ?? null,
    create_date: p.CreateDate,
    update_date: p.UpdateDate,
  };
}

/**
 * A managed policy's document with its normalised form and the facts checks read. A NULL document (its
 * version could not be read, already an item error) leaves every derived column NULL: unknown, not "no admin".
 */
export function managedPolicyDocumentColumns(document: unknown, what: string, arn: string | undefined, report: ReportDocumentError = throwIt): Row {
  const facts = document === null ? null : analyse(() => identityPolicyFacts(document, partitionOf(arn)), what, arn, report);
  return {
    document,
    document_normalized: facts?.normalized ?? null,
    allows_full_admin: facts?.allowsFullAdmin ?? null,
    full_admin_statements: facts?.fullAdminStatements ?? null,
    full_admin_conditional: facts ? facts.allowsFullAdmin && facts.fullAdminConditional : null,
    service_wildcard_statements: facts?.serviceWildcardStatements ?? null,
    kms_decrypt_all_keys_statements: facts?.kmsDecryptAllKeysStatements ?? null,
  };
}

/** Inline policies decoded, normalised, and the names of those granting full admin (NULL if any is unreadable). */
export function inlineColumns(list: Parameters<typeof inlinePolicies>[0], owner: string, arn: string | undefined, report: ReportDocumentError = throwIt): Row {
  const decoded = inlinePolicies(list, owner);
  const normalized: Array<{ name: string; document: unknown }> = [];
  const admin: string[] = [];
  const kmsDecrypt: string[] = [];
  let complete = true;
  for (const p of decoded) {
    const facts = analyse(() => identityPolicyFacts(p.document, partitionOf(arn)), `${owner} inline policy ${p.name}`, arn, report);
    if (!facts) complete = false;
    else {
      normalized.push({ name: p.name, document: facts.normalized });
      if (facts.allowsFullAdmin) admin.push(p.name);
      if (facts.kmsDecryptAllKeysStatements.length > 0) kmsDecrypt.push(p.name);
    }
  }
  return {
    inline_policies: decoded,
    inline_policies_normalized: complete ? normalized : null,
    full_admin_inline_policies: complete ? admin : null,
    kms_decrypt_inline_policies: complete ? kmsDecrypt : null,
  };
}

function analyse<T>(fn: () => T, what: string, arn: string | undefined, report: ReportDocumentError): T | null {
  try {
    return fn();
  } catch (cause) {
    report(new Error(`[sync] iam: the ${what} cannot be analysed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause }), arn);
    return null;
  }
}
