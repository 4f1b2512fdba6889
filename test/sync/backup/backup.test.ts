import {
  BackupClient, CreateBackupPlanCommand, CreateBackupVaultCommand, DescribeRegionSettingsCommand, GetBackupVaultAccessPolicyCommand,
  ListBackupSelectionsCommand, ListRecoveryPointsByBackupVaultCommand, ResourceNotFoundException,
} from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const account = '123456789012';
const key = `arn:aws:kms:us-east-1:${account}:key/11111111-2222-3333-4444-555555555555`;
const vaultArn = (name: string) => `arn:aws:backup:us-east-1:${account}:backup-vault:${name}`;
const publicPolicy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'anyone', Effect: 'Allow', Principal: '*', Action: 'backup:DescribeBackupVault', Resource: '*' }] });

// moto 5.2.1 implements neither GetBackupVaultAccessPolicy nor ListRecoveryPointsByBackupVault, so those two
// calls are answered here, as AWS answers them: 'shared' has a policy open to anyone, 'private' none
// (ResourceNotFoundException); 'private' holds one encrypted and one unencrypted recovery point. Nor does it
// implement ListBackupSelections: the plan has no selection here (test/sync/backup/selections.test.ts covers them),
// nor DescribeRegionSettings: every type is opted in here (test/sync/backup/region-settings.test.ts covers it).
// Every other call (ListBackupVaults, ListBackupPlans) reaches moto_server.
const policies: Record<string, string> = { shared: publicPolicy };
const points: Record<string, object[]> = {
  private: [
    { RecoveryPointArn: `arn:aws:ec2:us-east-1::snapshot/snap-1`, BackupVaultName: 'private', BackupVaultArn: vaultArn('private'), ResourceArn: `arn:aws:ec2:us-east-1:${account}:volume/vol-1`, ResourceType: 'EBS', Status: 'COMPLETED', IsEncrypted: true, EncryptionKeyArn: key },
    { RecoveryPointArn: `arn:aws:backup:us-east-1:${account}:recovery-point:plain-1`, BackupVaultName: 'private', BackupVaultArn: vaultArn('private'), ResourceArn: `arn:aws:s3:::data`, ResourceType: 'S3', Status: 'COMPLETED', IsEncrypted: false },
  ],
};

function cannedBackup(client: unknown, service: string): void {
  if (service !== 'Backup') return;
  (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
    (next: (args: { input: Record<string, unknown> }) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: { input: Record<string, unknown> }) => {
        const vault = String(args.input.BackupVaultName);
        if (context.commandName === GetBackupVaultAccessPolicyCommand.name) {
          if (!policies[vault]) throw new ResourceNotFoundException({ message: `Backup vault ${vault} has no access policy`, $metadata: { httpStatusCode: 404 } });
          return { output: { $metadata: {}, BackupVaultName: vault, BackupVaultArn: vaultArn(vault), Policy: policies[vault] } };
        }
        if (context.commandName === ListRecoveryPointsByBackupVaultCommand.name) return { output: { $metadata: {}, RecoveryPoints: points[vault] ?? [] } };
        if (context.commandName === ListBackupSelectionsCommand.name) return { output: { $metadata: {}, BackupSelectionsList: [] } };
        if (context.commandName === DescribeRegionSettingsCommand.name) return { output: { $metadata: {}, ResourceTypeOptInPreference: { DynamoDB: true, EBS: true, EFS: true, RDS: true } } };
        return next(args);
      },
    { step: 'initialize', name: 'cannedBackup' },
  );
}

beforeAll(async () => {
  moto = await startMoto();
  const backup = new BackupClient(motoClientConfig(moto, 'us-east-1'));
  await backup.send(new CreateBackupVaultCommand({ BackupVaultName: 'private', EncryptionKeyArn: key }));
  await backup.send(new CreateBackupVaultCommand({ BackupVaultName: 'shared', EncryptionKeyArn: key }));
  await backup.send(new CreateBackupPlanCommand({
    BackupPlan: { BackupPlanName: 'daily', Rules: [{ RuleName: 'daily', TargetBackupVaultName: 'private', ScheduleExpression: 'cron(0 5 ? * * *)' }] },
  }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['backup'], regions: ['us-east-1', 'eu-west-1'], configureClient: cannedBackup });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('backup collectors', () => {
  it('writes vaults with their key and access policy facts, a vault without a policy as a fact', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT region, arn, name, encryption_key_arn, has_policy, policy_is_public, public_statements FROM aws_backup_vaults ORDER BY name');
    expect(rows).toEqual([
      { region: 'us-east-1', arn: vaultArn('private'), name: 'private', encryption_key_arn: key, has_policy: false, policy_is_public: false, public_statements: [] },
      { region: 'us-east-1', arn: vaultArn('shared'), name: 'shared', encryption_key_arn: key, has_policy: true, policy_is_public: true, public_statements: ['anyone'] },
    ]);
  });

  it('writes the backup plans', async () => {
    const rows = await db.all('SELECT region, name, arn LIKE ? AS arn_ok FROM aws_backup_plans', [`arn:aws:backup:us-east-1:${account}:backup-plan:%`]);
    expect(rows).toEqual([{ region: 'us-east-1', name: 'daily', arn_ok: true }]);
  });

  it('writes the recovery points of every vault with their encryption', async () => {
    const rows = await db.all('SELECT vault_name, resource_type, is_encrypted, encryption_key_arn FROM aws_backup_recovery_points ORDER BY resource_type');
    expect(rows).toEqual([
      { vault_name: 'private', resource_type: 'EBS', is_encrypted: true, encryption_key_arn: key },
      { vault_name: 'private', resource_type: 'S3', is_encrypted: false, encryption_key_arn: null },
    ]);
    const scopes = await db.all("SELECT DISTINCT region, status FROM sync_scopes WHERE table_name LIKE 'aws_backup_%' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });
});
