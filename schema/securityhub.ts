import { defineTable, type TableDef } from './table.js';

export const awsSecurityhubHubs = defineTable({
  name: 'aws_securityhub_hubs',
  description: 'One row per account and region, always: whether Security Hub is enabled there (DescribeHub)',
  scope: 'regional',
  resourceId: 'hub_arn',
  columns: [
    { name: 'hub_arn', type: 'VARCHAR', description: 'Hub ARN; arn:<partition>:securityhub:<region>:<account>:hub/default even when not enabled, so the row has an id' },
    { name: 'enabled', type: 'BOOLEAN', description: 'False when DescribeHub answers InvalidAccessException (the account is not subscribed in the region)' },
    { name: 'subscribed_at', type: 'TIMESTAMP', description: 'When Security Hub was enabled; NULL when not enabled' },
    { name: 'auto_enable_controls', type: 'BOOLEAN', description: 'True when new controls of enabled standards are turned on automatically' },
    { name: 'control_finding_generator', type: 'VARCHAR', description: 'SECURITY_CONTROL (consolidated findings) or STANDARD_CONTROL' },
  ],
});

export const tables: TableDef[] = [awsSecurityhubHubs];
