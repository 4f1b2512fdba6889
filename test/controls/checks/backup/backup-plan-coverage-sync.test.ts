import { BackupClient, CreateBackupPlanCommand, DescribeRegionSettingsCommand, GetBackupSelectionCommand, ListBackupSelectionsCommand } from '@aws-sdk/client-backup';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateVolumeCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { runSync, type SyncResult } from '../../../../sync/runner.js';
import { checkFindings } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../../support/moto.js';

// The four backup plan checks on what the collectors really write: resources (and their tags) created in moto_server,
// a backup plan created in moto_server, and its selections and the region's opt-in canned, since moto 5.2.1 implements
// neither ListBackupSelections, GetBackupSelection nor DescribeRegionSettings. This holds the ARN forms the selections
// name (table/, volume/, file-system/, db:) to the ARNs the collectors store, and the tags to the tag columns.
let moto: Moto;
let db: Database;
let result: SyncResult;
let planId: string;
let volumes: Record<string, string>;
let fileSystems: Record<string, string>;
const role = 'arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole';
const noConditions = { StringEquals: [], StringNotEquals: [], StringLike: [], StringNotLike: [] };

const selections = (): Record<string, object> => ({
  // By resource type, whatever the opt-in: every table but 'scratch', the 'kept' volume, one file system, one database.
  typed: {
    Resources: ['arn:aws:dynamodb:*:*:table/*', `arn:aws:ec2:*:*:volume/${volumes.kept}`, `arn:aws:elasticfilesystem:*:*:file-system/${fileSystems.listed}`, 'arn:aws:rds:*:*:db:orders-db'],
    NotResources: ['arn:aws:dynamodb:*:*:table/scratch'], ListOfTags: [], Conditions: noConditions,
  },
  // By tag (backup=daily), and only where env is not dev: needs the type opted in (RDS is not).
  tagged: {
    Resources: [], NotResources: [], ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }],
    Conditions: { ...noConditions, StringNotEquals: [{ ConditionKey: 'aws:ResourceTag/env', ConditionValue: 'dev' }] },
  },
});

function canned(client: unknown, service: string): void {
  if (service !== 'Backup') return;
  (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
    (next: (args: { input: Record<string, unknown> }) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: { input: Record<string, unknown> }) => {
        if (context.commandName === DescribeRegionSettingsCommand.name) {
          return { output: { $metadata: {}, ResourceTypeOptInPreference: { DynamoDB: true, EBS: true, EFS: true, RDS: false, Aurora: true } } };
        }
        if (context.commandName === ListBackupSelectionsCommand.name) {
          const list = args.input.BackupPlanId === planId ? Object.keys(selections()).map((id) => ({ SelectionId: id, SelectionName: id, BackupPlanId: planId, IamRoleArn: role })) : [];
          return { output: { $metadata: {}, BackupSelectionsList: list } };
        }
        if (context.commandName === GetBackupSelectionCommand.name) {
          const id = String(args.input.SelectionId);
          return { output: { $metadata: {}, BackupPlanId: planId, SelectionId: id, BackupSelection: { SelectionName: id, IamRoleArn: role, ...selections()[id] } } };
        }
        return next(args);
      },
    { step: 'initialize', name: 'cannedSelections' },
  );
}

beforeAll(async () => {
  moto = await startMoto();
  const cfg = motoClientConfig(moto, 'us-east-1');
  const ddb = new DynamoDBClient(cfg);
  const keys = { AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' as const }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }], BillingMode: 'PAY_PER_REQUEST' as const };
  await ddb.send(new CreateTableCommand({ TableName: 'orders', ...keys }));
  await ddb.send(new CreateTableCommand({ TableName: 'scratch', ...keys }));
  await ddb.send(new CreateTableCommand({ TableName: 'sessions', ...keys }));
  await ddb.send(new CreateTableCommand({ TableName: 'tagged-scratch', ...keys }));

  const ec2 = new EC2Client(cfg);
  const volume = async (tags: { Key: string; Value: string }[]) =>
    (await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1, ...(tags.length ? { TagSpecifications: [{ ResourceType: 'volume', Tags: tags }] } : {}) }))).VolumeId!;
  volumes = { kept: await volume([]), daily: await volume([{ Key: 'backup', Value: 'daily' }]), dev: await volume([{ Key: 'backup', Value: 'daily' }, { Key: 'env', Value: 'dev' }]), bare: await volume([]) };

  const efs = new EFSClient(cfg);
  const fs = async (token: string, tags: { Key: string; Value: string }[]) => (await efs.send(new CreateFileSystemCommand({ CreationToken: token, Tags: tags }))).FileSystemId!;
  fileSystems = { listed: await fs('listed', []), daily: await fs('daily', [{ Key: 'backup', Value: 'daily' }]), bare: await fs('bare', []) };

  const rds = new RDSClient(cfg);
  const instance = (id: string, tags: { Key: string; Value: string }[]) => rds.send(new CreateDBInstanceCommand({
    DBInstanceIdentifier: id, Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'admin', MasterUserPassword: 'secret-password-1', Tags: tags,
  }));
  await instance('orders-db', []);
  await instance('tagged-db', [{ Key: 'backup', Value: 'daily' }]);

  planId = (await new BackupClient(cfg).send(new CreateBackupPlanCommand({
    BackupPlan: { BackupPlanName: 'daily', Rules: [{ RuleName: 'daily', TargetBackupVaultName: 'Default', ScheduleExpression: 'cron(0 5 ? * * *)' }] },
  }))).BackupPlanId!;
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['dynamodb', 'ec2', 'efs', 'rds', 'backup'], regions: ['us-east-1'], configureClient: canned });
}, 180_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

const ids = async (check: string) => (await checkFindings(db, check)).map((r) => String(r.resource_id).split(/[/:]/).pop());

describe('backup plan checks on synced data', () => {
  it('synced the tables the checks read without errors', () => {
    const read = ['aws_dynamodb_tables', 'aws_ec2_volumes', 'aws_efs_file_systems', 'aws_rds_db_instances', 'aws_backup_selections', 'aws_backup_region_settings'];
    expect(result.errors.filter((e) => read.includes(e.table ?? '')).map((e) => `${e.table} ${e.operation} ${e.code}`)).toEqual([]);
  });

  it('DynamoDB.4 fails the table NotResources excludes, other tables passing through the table/ wildcard', async () => {
    expect(await ids('dynamodb_table_in_backup_plan')).toEqual(['scratch']);
  });

  it('EC2.28 passes the listed volume and the volume tagged backup=daily, and fails the dev one and the untagged one', async () => {
    expect((await ids('ec2_ebs_volume_in_backup_plan'))!.sort()).toEqual([volumes.bare, volumes.dev].sort());
  });

  it('EFS.2 passes the listed and the tagged file system and fails the other', async () => {
    expect(await ids('efs_file_system_in_backup_plan')).toEqual([fileSystems.bare]);
  });

  it('RDS.26 fails the instance selected only by tag, since RDS is not opted in', async () => {
    const rows = await checkFindings(db, 'rds_instance_in_backup_plan');
    expect(rows.map((r) => [r.db_instance_identifier, r.reason])).toEqual([
      ['tagged-db', 'RDS DB instance tagged-db is selected only by tags or wildcards (tagged), and RDS is not opted in to AWS Backup in us-east-1'],
    ]);
  });
});
