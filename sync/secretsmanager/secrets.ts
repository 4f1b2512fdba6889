import { GetResourcePolicyCommand, paginateListSecrets, SecretsManagerClient, type SecretListEntry } from '@aws-sdk/client-secrets-manager';
import type { Row } from '../../schema/db.js';
import { awsSecretsmanagerSecrets } from '../../schema/secretsmanager.js';
import { isAwsError } from '../errors.js';
import { resourcePolicyRow } from '../resource-policy.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsSecretsmanagerSecrets.name;

/**
 * ListSecrets pages the metadata (never a secret value: Calabi never calls GetSecretValue); the resource
 * policy needs GetResourcePolicy per secret. A secret without a policy answers without ResourcePolicy.
 */
export const secretsCollector: Collector = {
  service: 'secretsmanager',
  name: 'secrets',
  scope: 'regional',
  tables: [awsSecretsmanagerSecrets],
  async collect(ctx) {
    const client = ctx.client(SecretsManagerClient);
    const secrets: SecretListEntry[] = [];
    for await (const page of paginateListSecrets({ client }, {})) secrets.push(...(page.SecretList ?? []));
    const rows = await ctx.map(secrets.filter((s) => s.ARN), (s) => secretRow(ctx, client, s));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function secretRow(ctx: SyncContext, client: SecretsManagerClient, s: SecretListEntry): Promise<Row | null> {
  const arn = s.ARN!;
  const where = { operation: 'GetResourcePolicy', table, resourceId: arn };
  let policy: string | null | undefined;
  try {
    policy = (await client.send(new GetResourcePolicyCommand({ SecretId: arn }))).ResourcePolicy ?? null;
  } catch (error) {
    // Deleted between ListSecrets and this call.
    if (isAwsError(error, 'ResourceNotFoundException')) return null;
    ctx.itemError(error, where);
  }
  return {
    arn,
    name: s.Name ?? null,
    kms_key_id: s.KmsKeyId ?? null,
    rotation_enabled: s.RotationEnabled ?? false,
    last_rotated_date: s.LastRotatedDate ?? null,
    last_accessed_date: s.LastAccessedDate ?? null,
    created_date: s.CreatedDate ?? null,
    rotation_interval_days: s.RotationRules?.AutomaticallyAfterDays ?? null,
    next_rotation_date: s.NextRotationDate ?? null,
    ...resourcePolicyRow(policy, ctx, where),
    raw: s,
  };
}
