import { GetLoginProfileCommand, IAMClient, paginateListMFADevices, type LoginProfile, type MFADevice, type UserDetail } from '@aws-sdk/client-iam';
import type { Row } from '../../schema/db.js';
import { awsIamUsers } from '../../schema/iam.js';
import { isAwsError } from '../errors.js';
import type { SyncContext } from '../types.js';
import { virtualMfaDevices } from './virtual-mfa-devices.js';

/** A user's console password and MFA facts; null fields are unknown (a call failed, recorded as an item error). */
export interface UserCredentials {
  passwordEnabled: boolean | null;
  /** When the password was set: the report's password_last_changed, or GetLoginProfile's CreateDate. */
  passwordDate: Date | null;
  /** Only GetLoginProfile says it: NULL for a user read from the credential report. */
  passwordResetRequired: boolean | null;
  mfaActive: boolean | null;
  mfaDeviceSerials: string[] | null;
  /** What the facts were read from, kept in the row's raw. */
  raw: Record<string, unknown>;
  /** The user was deleted between the list and its own calls: no row. */
  gone?: boolean;
}

/**
 * From the account's credential report: password_enabled and mfa_active are AWS's own answers (the CIS audit
 * reads them there). MFA serials come from the one ListVirtualMFADevices listing: no account-wide call lists
 * hardware or FIDO devices, and no check needs their serials (root's hardware MFA is judged from the summary).
 */
export function credentialsFromReport(row: Row, virtualSerials: readonly string[] | null): UserCredentials {
  const password = row.password_enabled as boolean | null;
  return {
    passwordEnabled: password,
    passwordDate: password ? ((row.password_last_changed as Date | null) ?? null) : null,
    passwordResetRequired: null,
    mfaActive: row.mfa_active as boolean | null,
    mfaDeviceSerials: virtualSerials === null ? null : [...virtualSerials],
    raw: { CredentialReport: row.raw, VirtualMFADeviceSerials: virtualSerials },
  };
}

/**
 * Assigned virtual MFA device serials by user ARN, from the account's one ListVirtualMFADevices (shared with the
 * virtual MFA devices collector): a device assigned to a user names the user.
 */
export async function virtualMfaSerialsByUser(ctx: SyncContext): Promise<Map<string, string[]>> {
  const byUser = new Map<string, string[]>();
  for (const d of await virtualMfaDevices(ctx)) {
    const arn = d.User?.Arn;
    if (arn && d.SerialNumber) byUser.set(arn, [...(byUser.get(arn) ?? []), d.SerialNumber]);
  }
  return byUser;
}

/**
 * A user the credential report does not know (created after AWS generated it: the report can be four hours old,
 * or the report could not be read): GetLoginProfile and ListMFADevices, as before the report was used.
 */
export async function credentialsFromCalls(ctx: SyncContext, iam: IAMClient, u: UserDetail): Promise<UserCredentials> {
  let loginProfile: LoginProfile | null | undefined;
  try {
    loginProfile = (await iam.send(new GetLoginProfileCommand({ UserName: u.UserName }))).LoginProfile ?? null;
  } catch (error) {
    // NoSuchEntity is the answer "this user has no console password": a fact, not a failure.
    if (isAwsError(error, 'NoSuchEntity', 'NoSuchEntityException')) loginProfile = null;
    else ctx.itemError(error, { operation: 'GetLoginProfile', table: awsIamUsers.name, resourceId: u.Arn });
  }
  let mfaDevices: MFADevice[] | undefined;
  let gone = false;
  try {
    const found: MFADevice[] = [];
    for await (const page of paginateListMFADevices({ client: iam }, { UserName: u.UserName })) found.push(...(page.MFADevices ?? []));
    mfaDevices = found;
  } catch (error) {
    // ListMFADevices has no "nothing configured" NoSuchEntity: it means the user itself no longer exists. That also
    // settles an earlier GetLoginProfile NoSuchEntity (same code for "no password" and "no user"): this call comes
    // second, so a user it still finds existed when GetLoginProfile answered, and the answer meant "no password".
    if (isAwsError(error, 'NoSuchEntity', 'NoSuchEntityException')) gone = true;
    else ctx.itemError(error, { operation: 'ListMFADevices', table: awsIamUsers.name, resourceId: u.Arn });
  }
  return {
    passwordEnabled: loginProfile === undefined ? null : loginProfile !== null,
    passwordDate: loginProfile?.CreateDate ?? null,
    passwordResetRequired: loginProfile ? (loginProfile.PasswordResetRequired ?? false) : null,
    mfaActive: mfaDevices === undefined ? null : mfaDevices.length > 0,
    mfaDeviceSerials: mfaDevices?.map((d) => d.SerialNumber ?? '') ?? null,
    raw: { LoginProfile: loginProfile ?? null, MFADevices: mfaDevices ?? null },
    ...(gone ? { gone } : {}),
  };
}
