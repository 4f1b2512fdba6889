import {
  GetPolicyVersionCommand,
  IAMClient,
  paginateGetAccountAuthorizationDetails,
  paginateListPolicies,
  type GroupDetail,
  type ManagedPolicyDetail,
  type Policy,
  type RoleDetail,
  type UserDetail,
} from '@aws-sdk/client-iam';
import { awsIamGroups, awsIamPolicies, awsIamRoles, awsIamUsers } from '../../schema/iam.js';
import type { Collector, SyncContext } from '../types.js';
import { credentialReportOf, sameSecond, type CredentialReport } from './credential-report-source.js';
import { awsPolicyRow, groupRow, localPolicyRow, roleRow, userRow, type ReportDocumentError } from './principal-rows.js';
import { credentialsFromCalls, credentialsFromReport, virtualMfaSerialsByUser, type UserCredentials } from './user-credentials.js';

/**
 * Users, groups, roles and customer managed policies come from GetAccountAuthorizationDetails: one paginated
 * call instead of a List* call per principal. Attached AWS managed policies come from ListPolicies
 * (Scope AWS, OnlyAttached) plus GetPolicyVersion for their default document — the details call would return
 * every AWS managed policy with all its versions. Whether a user has a console password and MFA comes from the
 * account's credential report (read once, shared with the credential-report collector), not from a call per user.
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

    const credentials = await userCredentials(ctx, iam, users);
    const versions = await ctx.map(awsPolicies, async (p) => {
      try {
        return (await iam.send(new GetPolicyVersionCommand({ PolicyArn: p.Arn, VersionId: p.DefaultVersionId }))).PolicyVersion;
      } catch (error) {
        ctx.itemError(error, { operation: 'GetPolicyVersion', table: awsIamPolicies.name, resourceId: p.Arn });
        return undefined;
      }
    });

    // A user deleted between the details call and its own calls is simply gone, as a deleted bucket is for S3.
    const present = users.map((u, i) => ({ u, creds: credentials[i]! })).filter(({ creds }) => !creds.gone);
    const members = new Map<string, string[]>();
    for (const { u } of present) for (const g of u.GroupList ?? []) members.set(g, [...(members.get(g) ?? []), u.UserName ?? '']);
    // A document IAM returned but we cannot analyse is an item error of its table: the row is kept with NULL facts.
    const report = (table: string): ReportDocumentError => (error, resourceId) => ctx.itemError(error, { operation: 'GetAccountAuthorizationDetails', table, resourceId });
    return {
      [awsIamUsers.name]: present.map(({ u, creds }) => userRow(u, creds, report(awsIamUsers.name))),
      [awsIamGroups.name]: groups.map((g) => groupRow(g, members.get(g.GroupName ?? '') ?? [], report(awsIamGroups.name))),
      [awsIamRoles.name]: roles.map((r) => roleRow(r, report(awsIamRoles.name))),
      [awsIamPolicies.name]: [
        ...localPolicies.map((p) => localPolicyRow(p, report(awsIamPolicies.name))),
        ...awsPolicies.map((p, i) => awsPolicyRow(p, versions[i], report(awsIamPolicies.name))),
      ],
    };
  },
};

/**
 * Every user's password and MFA facts: from the credential report for the users it lists, by per-user calls for
 * a user created after AWS generated it. An unreadable report is an item error of aws_iam_users (the scope is in
 * error, so its checks report ERROR, never PASS); the users are then read by per-user calls so the rows stay whole.
 */
async function userCredentials(ctx: SyncContext, iam: IAMClient, users: readonly UserDetail[]): Promise<UserCredentials[]> {
  let report: CredentialReport | null = null;
  try {
    report = await credentialReportOf(ctx);
  } catch (error) {
    ctx.itemError(error, { operation: 'GetCredentialReport', table: awsIamUsers.name });
  }
  let virtual: Map<string, string[]> | null = null;
  if (report && users.some((u) => report.byArn.has(u.Arn ?? ''))) {
    try {
      virtual = await virtualMfaSerialsByUser(ctx);
    } catch (error) {
      ctx.itemError(error, { operation: 'ListVirtualMFADevices', table: awsIamUsers.name });
    }
  }
  return ctx.map(users, async (u) => {
    const row = report?.byArn.get(u.Arn ?? '');
    // A row of an earlier user of the same name (deleted and created again since the report) does not count.
    if (!row || !sameSecond(row.user_creation_time as Date | null, u.CreateDate)) return credentialsFromCalls(ctx, iam, u);
    return credentialsFromReport(row, virtual === null ? null : (virtual.get(u.Arn ?? '') ?? []));
  });
}
