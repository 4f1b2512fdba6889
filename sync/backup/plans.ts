import { BackupClient, paginateListBackupPlans, type BackupPlansListMember } from '@aws-sdk/client-backup';
import { awsBackupPlans } from '../../schema/backup.js';
import { allItems } from '../ec2/shared.js';
import type { Collector, SyncContext } from '../types.js';

/** The region's backup plans, listed once per sync for the plans and selections collectors (SyncContext.shared). */
export function backupPlans(ctx: SyncContext): Promise<BackupPlansListMember[]> {
  return ctx.shared('ListBackupPlans', () => allItems(paginateListBackupPlans({ client: ctx.client(BackupClient) }, { MaxResults: 100 }), (p) => p.BackupPlansList));
}

/** ListBackupPlans answers every column; the plans' rules (GetBackupPlan) are not read: no check needs them yet. */
export const plansCollector: Collector = {
  service: 'backup',
  name: 'plans',
  scope: 'regional',
  tables: [awsBackupPlans],
  async collect(ctx) {
    const rows = (await backupPlans(ctx)).map((p) => ({
      arn: p.BackupPlanArn ?? `arn:${ctx.partition}:backup:${ctx.region}:${ctx.accountId}:backup-plan:${p.BackupPlanId}`,
      id: p.BackupPlanId ?? null,
      name: p.BackupPlanName ?? null,
      version_id: p.VersionId ?? null,
      creation_date: p.CreationDate ?? null,
      last_execution_date: p.LastExecutionDate ?? null,
      raw: p,
    }));
    return { [awsBackupPlans.name]: rows };
  },
};
