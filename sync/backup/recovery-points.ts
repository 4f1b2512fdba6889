import { BackupClient, paginateListRecoveryPointsByBackupVault, type BackupVaultListMember } from '@aws-sdk/client-backup';
import type { Row } from '../../schema/db.js';
import { awsBackupRecoveryPoints } from '../../schema/backup.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { listVaults } from './list-vaults.js';

const table = awsBackupRecoveryPoints.name;

/**
 * AWS Backup lists recovery points per vault only (there is no account-wide list), so this is one paged
 * ListRecoveryPointsByBackupVault per vault. A vault that fails keeps the others' rows and marks the table in error.
 */
export const recoveryPointsCollector: Collector = {
  service: 'backup',
  name: 'recovery-points',
  scope: 'regional',
  tables: [awsBackupRecoveryPoints],
  async collect(ctx) {
    const client = ctx.client(BackupClient);
    const vaults = await listVaults(client);
    const perVault = await ctx.map(vaults, (v) => vaultPoints(ctx, client, v));
    return { [table]: perVault.flat() };
  },
};

async function vaultPoints(ctx: SyncContext, client: BackupClient, v: BackupVaultListMember): Promise<Row[]> {
  const rows: Row[] = [];
  try {
    for await (const page of paginateListRecoveryPointsByBackupVault({ client }, { BackupVaultName: v.BackupVaultName!, MaxResults: 100 })) {
      for (const p of page.RecoveryPoints ?? []) {
        rows.push({
          arn: p.RecoveryPointArn ?? null,
          vault_name: p.BackupVaultName ?? v.BackupVaultName ?? null,
          vault_arn: p.BackupVaultArn ?? v.BackupVaultArn ?? null,
          resource_arn: p.ResourceArn ?? null,
          resource_type: p.ResourceType ?? null,
          status: p.Status ?? null,
          is_encrypted: p.IsEncrypted ?? null,
          encryption_key_arn: p.EncryptionKeyArn ?? null,
          creation_date: p.CreationDate ?? null,
          raw: p,
        });
      }
    }
  } catch (error) {
    // Deleted between ListBackupVaults and this call: it holds nothing any more.
    if (isAwsError(error, 'ResourceNotFoundException')) return [];
    ctx.itemError(error, { operation: 'ListRecoveryPointsByBackupVault', table, resourceId: v.BackupVaultArn });
  }
  return rows;
}
