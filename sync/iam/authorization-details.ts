import {
  GetLoginProfileCommand,
  GetPolicyVersionCommand,
  IAMClient,
  paginateGetAccountAuthorizationDetails,
  paginateListMFADevices,
  paginateListPolicies,
  type GroupDetail,
  type LoginProfile,
  type ManagedPolicyDetail,
  type MFADevice,
  type Policy,
  type RoleDetail,
  type UserDetail,
} from '@aws-sdk/client-iam';
import { awsIamGroups, awsIamPolicies, awsIamRoles, awsIamUsers } from '../../schema/iam.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { awsPolicyRow, groupRow, localPolicyRow, roleRow, userRow, type ReportDocumentError, type UserExtras } from './principal-rows.js';

/**
 * Users, groups, roles and customer managed policies come from GetAccountAuthorizationDetails: one paginated
 * call instead of a List* call per principal. Attached AWS managed policies come from ListPolicies
 * (Scope AWS, OnlyAttached) plus GetPolicyVersion for their default document — the details call would return
 * every AWS managed policy with all its versions. Per user, GetLoginProfile and ListMFADevices say whether a
 * console password and MFA exist; no list call returns those.
 */
export const authorizationDetailsCollector: Collector = {
  service: 'iam',
  name: 'authorization-details',
  scope: 'global',
  tables: [awsIamUsers, awsIamGroups, awsIamRoles, awsIamPolicies],
  async collect(ctx) {
    const iam = ctx.client(IAMClient);
    const users: UserDetail[] = [];
    const groups: GroupDetail[] = [];
    const roles: RoleDetail[] = [];
    const localPolicies: ManagedPolicyDetail[] = [];
    for await (const page of paginateGetAccountAuthorizationDetails({ client: iam }, { Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy'] })) {
      users.push(...(page.UserDetailList ?? []));
      groups.push(...(page.GroupDetailList ?? []));
      roles.push(...(page.RoleDetailList ?? []));
      localPolicies.push(...(page.Policies ?? []));
    }
    const awsPolicies: Policy[] = [];
    for await (const page of paginateListPolicies({ client: iam }, { Scope: 'AWS', OnlyAttached: true })) awsPolicies.push(...(page.Policies ?? []));

    const extras = await ctx.map(users, (u) => userExtras(ctx, iam, u));
    const versions = await ctx.map(awsPolicies, async (p) => {
      try {
        return (await iam.send(new GetPolicyVersionCommand({ PolicyArn: p.Arn, VersionId: p.DefaultVersionId }))).PolicyVersion;
      } catch (error) {
        ctx.itemError(error, { operation: 'GetPolicyVersion', table: awsIamPolicies.name, resourceId: p.Arn });
        return undefined;
      }
    });

    // A user deleted between the details call and its own calls is simply gone, as a deleted bucket is for S3.
    const present = users.map((u, i) => ({ u, extras: extras[i]! })).filter(({ extras }) => !extras.gone);
    const members = new Map<string, string[]>();
    for (const { u } of present) for (const g of u.GroupList ?? []) members.set(g, [...(members.get(g) ?? []), u.UserName ?? '']);
    // A document IAM returned but we cannot analyse is an item error of its table: the row is kept with NULL facts.
    const report = (table: string): ReportDocumentError => (error, resourceId) => ctx.itemError(error, { operation: 'GetAccountAuthorizationDetails', table, resourceId });
    return {
      [awsIamUsers.name]: present.map(({ u, extras }) => userRow(u, extras, report(awsIamUsers.name))),
      [awsIamGroups.name]: groups.map((g) => groupRow(g, members.get(g.GroupName ?? '') ?? [], report(awsIamGroups.name))),
      [awsIamRoles.name]: roles.map((r) => roleRow(r, report(awsIamRoles.name))),
      [awsIamPolicies.name]: [
        ...localPolicies.map((p) => localPolicyRow(p, report(awsIamPolicies.name))),
        ...awsPolicies.map((p, i) => awsPolicyRow(p, versions[i], report(awsIamPolicies.name))),
      ],
    };
  },
};

async function userExtras(ctx: SyncContext, iam: IAMClient, u: UserDetail): Promise<UserExtras> {
  let loginProfile: LoginProfile | null | undefined;
  try {
    loginProfile = (await iam.send(new GetLoginProfileCommand({ UserName: u.UserName }))).LoginProfile ?? null;
  } catch (error) {
    // NoSuchEntity is the answer "this user has no console password": a fact, not a failure.
    if (isAwsError(error, 'NoSuchEntity', 'NoSuchEntityException')) loginProfile = null;
    else ctx.itemError(error, { operation: 'GetLoginProfile', table: awsIamUsers.name, resourceId: u.Arn });
  }
  let mfaDevices: MFADevice[] | undefined;
  try {
    const found: MFADevice[] = [];
    for await (const page of paginateListMFADevices({ client: iam }, { UserName: u.UserName })) found.push(...(page.MFADevices ?? []));
    mfaDevices = found;
  } catch (error) {
    // ListMFADevices has no "nothing configured" NoSuchEntity: it means the user itself no longer exists. That also
    // settles an earlier GetLoginProfile NoSuchEntity (same code for "no password" and "no user"): this call comes
    // second, so a user it still finds existed when GetLoginProfile answered, and the answer meant "no password".
    if (isAwsError(error, 'NoSuchEntity', 'NoSuchEntityException')) return { loginProfile, mfaDevices, gone: true };
    ctx.itemError(error, { operation: 'ListMFADevices', table: awsIamUsers.name, resourceId: u.Arn });
  }
  return { loginProfile, mfaDevices };
}
