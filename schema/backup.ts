import { resourcePolicyColumns } from './policy-columns.js';
import { defineTable, type TableDef } from './table.js';

export const awsBackupVaults = defineTable({
  name: 'aws_backup_vaults',
  description: 'One row per AWS Backup vault of the region (ListBackupVaults, GetBackupVaultAccessPolicy)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Backup vault ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Backup vault name' },
    { name: 'vault_type', type: 'VARCHAR', description: 'BACKUP_VAULT, LOGICALLY_AIR_GAPPED_BACKUP_VAULT or RESTORE_ACCESS_BACKUP_VAULT' },
    { name: 'encryption_key_arn', type: 'VARCHAR', description: 'KMS key that encrypts the recovery points the vault stores' },
    { name: 'locked', type: 'BOOLEAN', description: 'Vault Lock is applied (Locked)' },
    { name: 'min_retention_days', type: 'BIGINT', description: 'Vault Lock minimum retention; NULL without a lock' },
    { name: 'number_of_recovery_points', type: 'BIGINT', description: 'Recovery points the vault holds' },
    { name: 'creation_date', type: 'TIMESTAMP', description: 'When the vault was created' },
    ...resourcePolicyColumns,
  ],
});

export const awsBackupPlans = defineTable({
  name: 'aws_backup_plans',
  description: 'One row per AWS Backup plan of the region (ListBackupPlans)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Backup plan ARN' },
    { name: 'id', type: 'VARCHAR', description: 'Backup plan id' },
    { name: 'name', type: 'VARCHAR', description: 'Backup plan name' },
    { name: 'version_id', type: 'VARCHAR', description: 'Current version of the plan' },
    { name: 'creation_date', type: 'TIMESTAMP', description: 'When the plan was created' },
    { name: 'last_execution_date', type: 'TIMESTAMP', description: 'When the plan last ran a backup job; NULL if never' },
  ],
});

export const awsBackupRecoveryPoints = defineTable({
  name: 'aws_backup_recovery_points',
  description: 'One row per recovery point of every backup vault of the region (ListBackupVaults, ListRecoveryPointsByBackupVault)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Recovery point ARN' },
    { name: 'vault_name', type: 'VARCHAR', description: 'Backup vault that stores it' },
    { name: 'vault_arn', type: 'VARCHAR', description: 'ARN of that vault' },
    { name: 'resource_arn', type: 'VARCHAR', description: 'The resource it backs up' },
    { name: 'resource_type', type: 'VARCHAR', description: 'Type of that resource, e.g. EBS, RDS, DynamoDB, S3' },
    { name: 'status', type: 'VARCHAR', description: 'COMPLETED, PARTIAL, DELETING, EXPIRED or AVAILABLE…' },
    { name: 'is_encrypted', type: 'BOOLEAN', description: 'IsEncrypted: the recovery point is encrypted at rest' },
    { name: 'encryption_key_arn', type: 'VARCHAR', description: 'KMS key that encrypts it; NULL when AWS reports none' },
    { name: 'creation_date', type: 'TIMESTAMP', description: 'When the recovery point was created' },
  ],
});

export const tables: TableDef[] = [awsBackupVaults, awsBackupPlans, awsBackupRecoveryPoints];
