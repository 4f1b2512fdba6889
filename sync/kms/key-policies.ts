import { GetKeyPolicyCommand, KMSClient, type KeyListEntry } from '@aws-sdk/client-kms';
import type { Row } from '../../schema/db.js';
import { awsKmsKeyPolicies } from '../../schema/kms.js';
import { isAwsError } from '../errors.js';
import { resourcePolicyRow } from '../resource-policy.js';
import type { Collector, SyncContext } from '../types.js';
import { listKeys } from './keys.js';

const table = awsKmsKeyPolicies.name;

/**
 * Its own table (not columns of aws_kms_keys) so a GetKeyPolicy denied by a key policy spoils only the
 * public-policy check, not rotation. Every key has exactly one policy, named 'default'.
 */
export const keyPoliciesCollector: Collector = {
  service: 'kms',
  name: 'key-policies',
  scope: 'regional',
  tables: [awsKmsKeyPolicies],
  async collect(ctx) {
    const client = ctx.client(KMSClient);
    const rows = await ctx.map((await listKeys(ctx)).filter((k) => k.KeyId), (k) => keyPolicyRow(ctx, client, k));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function keyPolicyRow(ctx: SyncContext, client: KMSClient, k: KeyListEntry): Promise<Row | null> {
  const arn = k.KeyArn ?? `arn:${ctx.partition}:kms:${ctx.region}:${ctx.accountId}:key/${k.KeyId}`;
  const where = { operation: 'GetKeyPolicy', table, resourceId: arn };
  let policy: string | null | undefined;
  try {
    policy = (await client.send(new GetKeyPolicyCommand({ KeyId: arn, PolicyName: 'default' }))).Policy ?? null;
  } catch (error) {
    // Deleted between ListKeys and this call.
    if (isAwsError(error, 'NotFoundException')) return null;
    ctx.itemError(error, where);
  }
  return { arn, key_id: k.KeyId, ...resourcePolicyRow(policy, ctx, where), raw: { ...k, Policy: policy ?? null } };
}
