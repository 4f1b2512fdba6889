import type { GroupDetail, LoginProfile, ManagedPolicyDetail, MFADevice, Policy, PolicyVersion, RoleDetail, UserDetail } from '@aws-sdk/client-iam';
import type { Row } from '../../schema/db.js';
import { decodePolicyDocument, inlinePolicies, tagsObject } from './documents.js';

/** What the per-user calls found; undefined fields mean the call failed (recorded as an item error). */
export interface UserExtras {
  /** null: no console password (GetLoginProfile said NoSuchEntity); undefined: unknown. */
  loginProfile: LoginProfile | null | undefined;
  mfaDevices: MFADevice[] | undefined;
  /** The user was deleted between the list and its own calls: no row. */
  gone?: boolean;
}

export function userRow(u: UserDetail, extras: UserExtras): Row {
  const lp = extras.loginProfile;
  return {
    arn: u.Arn,
    user_name: u.UserName,
    user_id: u.UserId,
    path: u.Path,
    create_date: u.CreateDate,
    password_enabled: lp === undefined ? null : lp !== null,
    password_create_date: lp?.CreateDate ?? null,
    password_reset_required: lp ? (lp.PasswordResetRequired ?? false) : null,
    mfa_active: extras.mfaDevices === undefined ? null : extras.mfaDevices.length > 0,
    mfa_device_serials: extras.mfaDevices?.map((d) => d.SerialNumber ?? '') ?? null,
    attached_policy_arns: (u.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn ?? ''),
    inline_policy_names: (u.UserPolicyList ?? []).map((p) => p.PolicyName ?? ''),
    inline_policies: inlinePolicies(u.UserPolicyList, `user ${u.UserName}`),
    group_names: u.GroupList ?? [],
    permissions_boundary_arn: u.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    tags: tagsObject(u.Tags),
    raw: { ...u, LoginProfile: lp ?? null, MFADevices: extras.mfaDevices ?? null },
  };
}

export function groupRow(g: GroupDetail, members: string[]): Row {
  return {
    arn: g.Arn,
    group_name: g.GroupName,
    group_id: g.GroupId,
    path: g.Path,
    create_date: g.CreateDate,
    attached_policy_arns: (g.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn ?? ''),
    inline_policy_names: (g.GroupPolicyList ?? []).map((p) => p.PolicyName ?? ''),
    inline_policies: inlinePolicies(g.GroupPolicyList, `group ${g.GroupName}`),
    user_names: members,
    raw: g,
  };
}

export function roleRow(r: RoleDetail): Row {
  return {
    arn: r.Arn,
    role_name: r.RoleName,
    role_id: r.RoleId,
    path: r.Path,
    create_date: r.CreateDate,
    assume_role_policy: decodePolicyDocument(r.AssumeRolePolicyDocument, `role ${r.RoleName} trust policy`),
    attached_policy_arns: (r.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn ?? ''),
    inline_policy_names: (r.RolePolicyList ?? []).map((p) => p.PolicyName ?? ''),
    inline_policies: inlinePolicies(r.RolePolicyList, `role ${r.RoleName}`),
    instance_profile_arns: (r.InstanceProfileList ?? []).map((p) => p.Arn ?? ''),
    last_used_date: r.RoleLastUsed?.LastUsedDate ?? null,
    permissions_boundary_arn: r.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    tags: tagsObject(r.Tags),
    raw: r,
  };
}

/** A customer managed policy from GetAccountAuthorizationDetails, which carries every version's document. */
export function localPolicyRow(p: ManagedPolicyDetail): Row {
  const version = (p.PolicyVersionList ?? []).find((v) => v.IsDefaultVersion) ?? (p.PolicyVersionList ?? []).find((v) => v.VersionId === p.DefaultVersionId);
  return {
    ...policyColumns(p, false),
    document: decodePolicyDocument(version?.Document, `policy ${p.Arn} ${p.DefaultVersionId}`),
    raw: p,
  };
}

/** An attached AWS managed policy from ListPolicies plus its default version (undefined: GetPolicyVersion failed). */
export function awsPolicyRow(p: Policy, version: PolicyVersion | undefined): Row {
  return {
    ...policyColumns(p, true),
    document: version ? decodePolicyDocument(version.Document, `policy ${p.Arn} ${p.DefaultVersionId}`) : null,
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
