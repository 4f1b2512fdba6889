import { BackupClient, GetBackupSelectionCommand, paginateListBackupSelections, type BackupSelectionsListMember } from '@aws-sdk/client-backup';
import type { Row } from '../../schema/db.js';
import { awsBackupSelections } from '../../schema/backup-selections.js';
import { isAwsError } from '../errors.js';
import { allItems } from '../ec2/shared.js';
import type { Collector, SyncContext } from '../types.js';
import { backupPlans } from './plans.js';

const table = awsBackupSelections.name;

/**
 * What each plan backs up. Selections have no account-wide list: ListBackupSelections per plan (the plans are the
 * plans collector's ListBackupPlans answer, asked once per sync; a failed selection call spoils this table only,
 * not aws_backup_plans), and what a selection selects (resources, exclusions, tag conditions) is only in
 * GetBackupSelection, once per selection.
 */
export const selectionsCollector: Collector = {
  service: 'backup',
  name: 'selections',
  scope: 'regional',
  tables: [awsBackupSelections],
  async collect(ctx) {
    const client = ctx.client(BackupClient);
    const plans = await backupPlans(ctx);
    const perPlan = await ctx.map(plans, (p) => allItems(paginateListBackupSelections({ client }, { BackupPlanId: p.BackupPlanId, MaxResults: 100 }), (s) => s.BackupSelectionsList));
    const selections = perPlan.flatMap((list, i) => list.map((s) => ({ s, planArn: plans[i]!.BackupPlanArn ?? `arn:${ctx.partition}:backup:${ctx.region}:${ctx.accountId}:backup-plan:${s.BackupPlanId}` })));
    const rows = await ctx.map(selections, ({ s, planArn }) => selectionRow(ctx, client, s, planArn));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function selectionRow(ctx: SyncContext, client: BackupClient, s: BackupSelectionsListMember, planArn: string): Promise<Row | null> {
  const id = `${planArn}/selection/${s.SelectionId ?? ''}`;
  const base = {
    id,
    selection_id: s.SelectionId ?? null,
    selection_name: s.SelectionName ?? null,
    backup_plan_id: s.BackupPlanId ?? null,
    backup_plan_arn: planArn,
    iam_role_arn: s.IamRoleArn ?? null,
    creation_date: s.CreationDate ?? null,
  };
  try {
    const out = await client.send(new GetBackupSelectionCommand({ BackupPlanId: s.BackupPlanId, SelectionId: s.SelectionId }));
    const sel = out.BackupSelection;
    return {
      ...base,
      resources: sel?.Resources ?? [],
      not_resources: sel?.NotResources ?? [],
      list_of_tags: sel?.ListOfTags ?? [],
      conditions: sel?.Conditions ?? {},
      raw: { ...s, BackupSelection: sel },
    };
  } catch (error) {
    // Deleted between the list and this call: it no longer selects anything.
    if (isAwsError(error, 'ResourceNotFoundException')) return null;
    ctx.itemError(error, { operation: 'GetBackupSelection', table, resourceId: id });
    return { ...base, resources: null, not_resources: null, list_of_tags: null, conditions: null, raw: s };
  }
}
