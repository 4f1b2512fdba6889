import { GetAccessKeyLastUsedCommand, IAMClient, paginateListAccessKeys, paginateListUsers, type AccessKeyLastUsed, type AccessKeyMetadata, type User } from '@aws-sdk/client-iam';
import type { Row } from '../../schema/db.js';
import { awsIamAccessKeys } from '../../schema/iam.js';
import { isAwsError } from '../errors.js';
import type { Collector } from '../types.js';
import { credentialReportOf, sameSecond, type CredentialReport } from './credential-report-source.js';

/**
 * One row per access key. ListUsers, then ListAccessKeys only for a user the credential report says has a key
 * (no account-wide call returns key ids), and the last use from the report's access_key_N_last_used_* columns.
 * GetAccessKeyLastUsed is asked only for a key the report does not show (created since AWS generated it), and
 * both per-user calls for a user the report does not list. An unreadable report is an item error of this table
 * (its checks report ERROR) and every user is then read by per-user calls.
 */
export const accessKeysCollector: Collector = {
  service: 'iam',
  name: 'access-keys',
  scope: 'global',
  tables: [awsIamAccessKeys],
  async collect(ctx) {
    const iam = ctx.client(IAMClient);
    const users: User[] = [];
    for await (const page of paginateListUsers({ client: iam }, {})) users.push(...(page.Users ?? []));
    let report: CredentialReport | null = null;
    try {
      report = await credentialReportOf(ctx);
    } catch (error) {
      ctx.itemError(error, { operation: 'GetCredentialReport', table: awsIamAccessKeys.name });
    }
    const reportRow = (u: User): Row | undefined => {
      const row = report?.byArn.get(u.Arn ?? '');
      return row && sameSecond(row.user_creation_time as Date | null, u.CreateDate) ? row : undefined;
    };

    const perUser = await ctx.map(users, async (u) => {
      const row = reportRow(u);
      // The report says this user has no key at all: nothing to ask.
      if (row && row.access_key_1_last_rotated == null && row.access_key_2_last_rotated == null) return [];
      const keys: AccessKeyMetadata[] = [];
      try {
        for await (const page of paginateListAccessKeys({ client: iam }, { UserName: u.UserName })) keys.push(...(page.AccessKeyMetadata ?? []));
      } catch (error) {
        // The user was deleted since ListUsers: it has no keys any more.
        if (!isAwsError(error, 'NoSuchEntity', 'NoSuchEntityException')) {
          ctx.itemError(error, { operation: 'ListAccessKeys', table: awsIamAccessKeys.name, resourceId: u.Arn });
        }
      }
      return keys.map((k) => ({ key: k, user: u, reported: row ? lastUseInReport(row, k) : undefined }));
    });
    const keys = perUser.flat();

    // Sequential maps, never nested: ctx.map shares one concurrency limit, so a nested call could wait forever.
    const lastUsed = await ctx.map(keys, async ({ key, reported }) => {
      if (reported !== undefined) return reported;
      try {
        return (await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId }))).AccessKeyLastUsed ?? null;
      } catch (error) {
        // The key (or its user) was deleted since it was listed: it is gone, not unknown.
        if (isAwsError(error, 'NoSuchEntity', 'NoSuchEntityException')) return gone;
        ctx.itemError(error, { operation: 'GetAccessKeyLastUsed', table: awsIamAccessKeys.name, resourceId: key.AccessKeyId });
        return undefined;
      }
    });
    const rows = keys.flatMap(({ key, user }, i) => (lastUsed[i] === gone ? [] : [accessKeyRow(key, user, lastUsed[i] as AccessKeyLastUsed | null | undefined)]));
    return { [awsIamAccessKeys.name]: rows };
  },
};

const gone = Symbol('deleted since listed');

/**
 * The report's slot (access_key_1 or _2) of this key: the one whose last_rotated is the key's creation time. No
 * slot, or two slots of the same second: undefined, and GetAccessKeyLastUsed answers instead.
 */
export function lastUseInReport(row: Row, key: AccessKeyMetadata): (AccessKeyLastUsed & { Source: string }) | undefined {
  const slots = [1, 2].filter((n) => sameSecond(row[`access_key_${n}_last_rotated`] as Date | null, key.CreateDate));
  if (slots.length !== 1) return undefined;
  const n = slots[0]!;
  const date = row[`access_key_${n}_last_used_date`] as Date | null;
  return {
    LastUsedDate: date ?? undefined,
    ServiceName: (row[`access_key_${n}_last_used_service`] as string | null) ?? 'N/A',
    Region: (row[`access_key_${n}_last_used_region`] as string | null) ?? 'N/A',
    Source: `credential report access_key_${n} (generated ${(row.generated_time as Date | null)?.toISOString() ?? 'at an unknown time'})`,
  };
}

/** AWS answers "N/A" for the service and region of a key that was never used. */
const known = (v: string | undefined) => (v && v !== 'N/A' ? v : null);

export function accessKeyRow(key: AccessKeyMetadata, user: User, lastUsed: AccessKeyLastUsed | null | undefined): Row {
  return {
    access_key_id: key.AccessKeyId,
    user_name: key.UserName ?? user.UserName,
    user_arn: user.Arn,
    status: key.Status,
    create_date: key.CreateDate,
    last_used_date: lastUsed?.LastUsedDate ?? null,
    last_used_service: known(lastUsed?.ServiceName),
    last_used_region: known(lastUsed?.Region),
    raw: { ...key, AccessKeyLastUsed: lastUsed ?? null },
  };
}
