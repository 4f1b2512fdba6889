import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, paginateListKeys, type KeyListEntry, type KeyMetadata } from '@aws-sdk/client-kms';
import type { Row } from '../../schema/db.js';
import { awsKmsKeys } from '../../schema/kms.js';
import { allItems } from '../ec2/shared.js';
import type { Collector, SyncContext } from '../types.js';

/** The region's keys (ListKeys), listed once per sync for the keys and key policies collectors (SyncContext.shared). */
export function listKeys(ctx: SyncContext): Promise<KeyListEntry[]> {
  return ctx.shared('ListKeys', () => allItems(paginateListKeys({ client: ctx.client(KMSClient) }, {}), (p) => p.Keys));
}

export const keysCollector: Collector = {
  service: 'kms',
  name: 'keys',
  scope: 'regional',
  tables: [awsKmsKeys],
  async collect(ctx) {
    const client = ctx.client(KMSClient);
    const rows = await ctx.map(await listKeys(ctx), (k) => keyRow(ctx, client, k));
    return { [awsKmsKeys.name]: rows };
  },
};

/**
 * Rotation applies only to enabled customer-managed symmetric keys whose material KMS generated: AWS refuses
 * GetKeyRotationStatus for asymmetric, HMAC and imported keys (moto answers anyway, so we filter ourselves).
 */
export function rotationApplies(m: KeyMetadata): boolean {
  return m.KeyManager === 'CUSTOMER' && m.KeySpec === 'SYMMETRIC_DEFAULT' && m.KeyState === 'Enabled' && (m.Origin ?? 'AWS_KMS') === 'AWS_KMS';
}

async function keyRow(ctx: SyncContext, client: KMSClient, k: { KeyId?: string; KeyArn?: string }): Promise<Row> {
  const id = k.KeyArn ?? k.KeyId!;
  let m: KeyMetadata | undefined;
  try {
    m = (await client.send(new DescribeKeyCommand({ KeyId: id }))).KeyMetadata;
  } catch (error) {
    ctx.itemError(error, { operation: 'DescribeKey', table: awsKmsKeys.name, resourceId: id });
    return { arn: id, key_id: k.KeyId ?? null, raw: k };
  }
  let rotation: { KeyRotationEnabled?: boolean; RotationPeriodInDays?: number } | null = null;
  if (m && rotationApplies(m)) {
    try {
      rotation = await client.send(new GetKeyRotationStatusCommand({ KeyId: id }));
    } catch (error) {
      ctx.itemError(error, { operation: 'GetKeyRotationStatus', table: awsKmsKeys.name, resourceId: id });
    }
  }
  return {
    arn: m?.Arn ?? id,
    key_id: m?.KeyId ?? k.KeyId ?? null,
    description: m?.Description ?? null,
    key_manager: m?.KeyManager ?? null,
    key_state: m?.KeyState ?? null,
    key_spec: m?.KeySpec ?? null,
    key_usage: m?.KeyUsage ?? null,
    origin: m?.Origin ?? null,
    multi_region: m?.MultiRegion ?? false,
    enabled: m?.Enabled ?? null,
    creation_date: m?.CreationDate ?? null,
    deletion_date: m?.DeletionDate ?? null,
    rotation_enabled: rotation?.KeyRotationEnabled ?? null,
    rotation_period_in_days: rotation?.KeyRotationEnabled ? (rotation.RotationPeriodInDays ?? null) : null,
    raw: { ...m, KeyRotationEnabled: rotation?.KeyRotationEnabled ?? null, RotationPeriodInDays: rotation?.RotationPeriodInDays ?? null },
  };
}
