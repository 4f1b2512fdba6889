import { BackupClient, paginateListBackupVaults, type BackupVaultListMember } from '@aws-sdk/client-backup';

/** Every backup vault of the region (ListBackupVaults carries each vault's key, lock and recovery point count). */
export async function listVaults(client: BackupClient): Promise<BackupVaultListMember[]> {
  const vaults: BackupVaultListMember[] = [];
  for await (const page of paginateListBackupVaults({ client }, { MaxResults: 100 })) vaults.push(...(page.BackupVaultList ?? []));
  return vaults;
}
