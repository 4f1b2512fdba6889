import { GetAccessKeyLastUsedCommand, IAMClient, paginateListAccessKeys, paginateListUsers, type AccessKeyLastUsed, type AccessKeyMetadata, type User } from '@aws-sdk/client-iam';
import type { Row } from '../../schema/db.js';
import { awsIamAccessKeys } from '../../schema/iam.js';
import { isAwsError } from '../errors.js';
import type { Collector } from '../types.js';

/** One row per access key: ListUsers, ListAccessKeys per user, GetAccessKeyLastUsed per key. */
export const accessKeysCollector: Collector = {
  service: 'iam',
  name: 'access-keys',
  scope: 'global',
  tables: [awsIamAccessKeys],
  async collect(ctx) {
    const iam = ctx.client(IAMClient);
    const users: User[] = [];
    for await (const page of paginateListUsers({ client: iam }, {})) users.push(...(page.Users ?? []));

    const perUser = await ctx.map(users, async (u) => {
      const keys: AccessKeyMetadata[] = [];
      try {
        for await (const page of paginateListAccessKeys({ client: iam }, { UserName: u.UserName })) keys.push(...(page.AccessKeyMetadata ?? []));
      } catch (error) {
        // The user was deleted since ListUsers: it has no keys any more.
        if (!isAwsError(error, 'NoSuchEntity', 'NoSuchEntityException')) {
          ctx.itemError(error, { operation: 'ListAccessKeys', table: awsIamAccessKeys.name, resourceId: u.Arn });
        }
      }
      return keys.map((k) => ({ key: k, user: u }));
    });
    const keys = perUser.flat();

    // Sequential maps, never nested: ctx.map shares one concurrency limit, so a nested call could wait forever.
    const lastUsed = await ctx.map(keys, async ({ key }) => {
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
