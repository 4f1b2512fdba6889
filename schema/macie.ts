import { defineTable, type TableDef } from './table.js';

export const awsMacieSessions = defineTable({
  name: 'aws_macie_sessions',
  description: "One row per account and region: the Amazon Macie status (GetMacieSession), enabled = false when Macie is not enabled there",
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:macie2:<region>:<account>, the region-level setting' },
    { name: 'enabled', type: 'BOOLEAN', description: 'True when the status is ENABLED (PAUSED stops discovery and jobs)' },
    { name: 'status', type: 'VARCHAR', description: "ENABLED, PAUSED, or NOT_ENABLED when Macie answered 'Macie is not enabled'" },
    { name: 'finding_publishing_frequency', type: 'VARCHAR', description: 'FIFTEEN_MINUTES, ONE_HOUR or SIX_HOURS' },
    { name: 'service_role', type: 'VARCHAR', description: 'Service-linked role Macie uses' },
    { name: 'created_at', type: 'TIMESTAMP', description: 'When Macie was enabled' },
    { name: 'updated_at', type: 'TIMESTAMP', description: 'When the status last changed' },
  ],
});

export const tables: TableDef[] = [awsMacieSessions];
