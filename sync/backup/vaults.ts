import { BackupClient, GetBackupVaultAccessPolicyCommand, type BackupVaultListMember } from '@aws-sdk/client-backup';
import type { Row } from '../../schema/db.js';
import { awsBackupVaults } from '../../schema/backup.js';
import { isAwsError } from '../errors.js';
import { resourcePolicyRow } from '../resource-policy.js';
import type { Collector, SyncContext } from '../types.js';
import { listVaults } from './list-vaults.js';

const table = awsBackupVaults.name;

/** ListBackupVaults has every setting but the access policy, which GetBackupVaultAccessPolicy gives per vault. */
export const vaultsCollector: Collector = {
  service: 'backup',
  name: 'vaults',
  scope: 'regional',
  tables: [awsBackupVaults],
  async collect(ctx) {
    const client = ctx.client(BackupClient);
    const vaults = await listVaults(client);
    return { [table]: await ctx.map(vaults, (v) => vaultRow(ctx, client, v)) };
  },
};

async function vaultRow(ctx: SyncContext, client: BackupClient, v: BackupVaultListMember): Promise<Row> {
  const arn = v.BackupVaultArn ?? `arn:${ctx.partition}:backup:${ctx.region}:${ctx.accountId}:backup-vault:${v.BackupVaultName}`;
  const where = { operation: 'GetBackupVaultAccessPolicy', table, resourceId: arn };
  let policy: string | null | undefined;
  try {
    policy = (await client.send(new GetBackupVaultAccessPolicyCommand({ BackupVaultName: v.BackupVaultName! }))).Policy ?? null;
  } catch (error) {
    // AWS answers ResourceNotFoundException for a vault that has no access policy: a fact, not a failure.
    if (isAwsError(error, 'ResourceNotFoundException')) policy = null;
    else ctx.itemError(error, where);
  }
  return {
    arn,
    name: v.BackupVaultName ?? null,
    vault_type: v.VaultType ?? null,
    encryption_key_arn: v.EncryptionKeyArn ?? null,
    locked: v.Locked ?? null,
    min_retention_days: v.MinRetentionDays ?? null,
    number_of_recovery_points: v.NumberOfRecoveryPoints ?? null,
    creation_date: v.CreationDate ?? null,
    ...resourcePolicyRow(policy, ctx, where),
    raw: v,
  };
}
