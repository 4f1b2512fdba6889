import { BackupClient, BackupServiceException, CreateBackupPlanCommand, DescribeRegionSettingsCommand, GetBackupSelectionCommand, ListBackupSelectionsCommand } from '@aws-sdk/client-backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
let daily: string;
let weekly: string;
const role = 'arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole';

// moto 5.2.1 implements neither ListBackupSelections nor GetBackupSelection: those two calls are canned here, as AWS
// answers them, for the plans moto really holds (ListBackupPlans reaches moto_server). The daily plan has two
// selections, the weekly plan none; reading the selection 'broken' is refused, as for an identity without
// backup:GetBackupSelection. Nor DescribeRegionSettings, answered with every type opted in
// (test/sync/backup/region-settings.test.ts covers it).
const tags = [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }];
const conditions = { StringEquals: [{ ConditionKey: 'aws:ResourceTag/env', ConditionValue: 'prod' }], StringNotEquals: [], StringLike: [], StringNotLike: [] };
function cannedSelections(client: unknown, service: string): void {
  if (service !== 'Backup') return;
  (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
    (next: (args: { input: Record<string, unknown> }) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: { input: Record<string, unknown> }) => {
        const plan = String(args.input.BackupPlanId);
        if (context.commandName === ListBackupSelectionsCommand.name) {
          const list = plan === daily ? [
            { SelectionId: 'sel-volumes', SelectionName: 'volumes', BackupPlanId: daily, IamRoleArn: role, CreationDate: new Date('2026-11-01T00:00:00Z') },
            { SelectionId: 'sel-broken', SelectionName: 'broken', BackupPlanId: daily, IamRoleArn: role, CreationDate: new Date('2026-11-02T00:00:00Z') },
          ] : [];
          return { output: { $metadata: {}, BackupSelectionsList: list } };
        }
        if (context.commandName === DescribeRegionSettingsCommand.name) return { output: { $metadata: {}, ResourceTypeOptInPreference: { DynamoDB: true, EBS: true, EFS: true, RDS: true } } };
        if (context.commandName === GetBackupSelectionCommand.name) {
          if (args.input.SelectionId === 'sel-broken') throw new BackupServiceException({ name: 'AccessDeniedException', $fault: 'client', message: 'not authorized to perform backup:GetBackupSelection', $metadata: { httpStatusCode: 403 } });
          return { output: { $metadata: {}, BackupPlanId: plan, SelectionId: args.input.SelectionId, BackupSelection: {
            SelectionName: 'volumes', IamRoleArn: role, Resources: ['arn:aws:ec2:*:*:volume/*'], NotResources: ['arn:aws:ec2:us-east-1:123456789012:volume/vol-scratch'], ListOfTags: tags, Conditions: conditions,
          } } };
        }
        return next(args);
      },
    { step: 'initialize', name: 'cannedSelections' },
  );
}

beforeAll(async () => {
  moto = await startMoto();
  const backup = new BackupClient(motoClientConfig(moto, 'us-east-1'));
  const rule = (name: string) => ({ RuleName: name, TargetBackupVaultName: 'Default', ScheduleExpression: 'cron(0 5 ? * * *)' });
  daily = (await backup.send(new CreateBackupPlanCommand({ BackupPlan: { BackupPlanName: 'daily', Rules: [rule('daily')] } }))).BackupPlanId!;
  weekly = (await backup.send(new CreateBackupPlanCommand({ BackupPlan: { BackupPlanName: 'weekly', Rules: [rule('weekly')] } }))).BackupPlanId!;
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['backup'], regions: ['us-east-1'], configureClient: cannedSelections });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('AWS Backup selections collector', () => {
  it("writes each plan's selections with the resources, exclusions and tag conditions they select", async () => {
    const rows = (await db.all<Record<string, unknown>>("SELECT selection_name, backup_plan_id, resources, not_resources, list_of_tags, conditions FROM aws_backup_selections WHERE selection_id = 'sel-volumes'"))
      .map((r) => ({ ...r, list_of_tags: JSON.parse(String(r.list_of_tags)), conditions: JSON.parse(String(r.conditions)) }));
    expect(rows).toEqual([{
      selection_name: 'volumes', backup_plan_id: daily, resources: ['arn:aws:ec2:*:*:volume/*'], not_resources: ['arn:aws:ec2:us-east-1:123456789012:volume/vol-scratch'],
      list_of_tags: tags, conditions,
    }]);
    expect(weekly).not.toEqual(daily);
    expect(await db.all('SELECT count(*)::INT AS n FROM aws_backup_selections WHERE backup_plan_id = ?', [weekly])).toEqual([{ n: 0 }]);
  });

  it('keeps a selection that could not be read with unknown contents, records the failure and marks only this table in error', async () => {
    expect(await db.all("SELECT selection_name, resources, list_of_tags FROM aws_backup_selections WHERE selection_id = 'sel-broken'")).toEqual([{ selection_name: 'broken', resources: null, list_of_tags: null }]);
    expect(result.errors.map((e) => [e.table, e.code])).toEqual([['aws_backup_selections', 'AccessDeniedException']]);
    const scopes = await db.all("SELECT table_name, status FROM sync_scopes WHERE table_name IN ('aws_backup_plans', 'aws_backup_selections') ORDER BY table_name");
    expect(scopes).toEqual([{ table_name: 'aws_backup_plans', status: 'ok' }, { table_name: 'aws_backup_selections', status: 'error' }]);
  });
});
