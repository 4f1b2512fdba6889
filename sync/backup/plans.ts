import { BackupClient, paginateListBackupPlans } from '@aws-sdk/client-backup';
import { awsBackupPlans } from '../../schema/backup.js';
import type { Collector } from '../types.js';

/** ListBackupPlans answers every column; the plans' rules (GetBackupPlan) are not read: no check needs them yet. */
export const plansCollector: Collector = {
  service: 'backup',
  name: 'plans',
  scope: 'regional',
  tables: [awsBackupPlans],
  async collect(ctx) {
    const client = ctx.client(BackupClient);
    const rows = [];
    for await (const page of paginateListBackupPlans({ client }, { MaxResults: 100 })) {
      for (const p of page.BackupPlansList ?? []) {
        rows.push({
          arn: p.BackupPlanArn ?? `arn:${ctx.partition}:backup:${ctx.region}:${ctx.accountId}:backup-plan:${p.BackupPlanId}`,
          id: p.BackupPlanId ?? null,
          name: p.BackupPlanName ?? null,
          version_id: p.VersionId ?? null,
          creation_date: p.CreationDate ?? null,
          last_execution_date: p.LastExecutionDate ?? null,
          raw: p,
        });
      }
    }
    return { [awsBackupPlans.name]: rows };
  },
};
