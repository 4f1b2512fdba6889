import { defineTable, type TableDef } from './table.js';

export const awsAccounts = defineTable({
  name: 'aws_accounts',
  description: 'One row per synced account: its id, alias and organization membership',
  scope: 'global',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:::<account id>, the account as a resource' },
    { name: 'partition', type: 'VARCHAR', description: 'aws, aws-cn or aws-us-gov' },
    { name: 'alias', type: 'VARCHAR', description: 'The IAM account alias, if any' },
    { name: 'organization_id', type: 'VARCHAR', description: 'AWS Organizations id, NULL when not a member' },
    { name: 'organization_master_account_id', type: 'VARCHAR', description: 'Management account of the organization' },
    { name: 'caller_arn', type: 'VARCHAR', description: 'The identity the sync ran as in this account' },
  ],
});

export const awsRegions = defineTable({
  name: 'aws_regions',
  description: 'One row per account and scanned region: the regions whose regional tables were synced',
  scope: 'regional',
  resourceId: 'region',
  columns: [
    { name: 'partition', type: 'VARCHAR', description: 'aws, aws-cn or aws-us-gov' },
    { name: 'opt_in_status', type: 'VARCHAR', description: 'opt-in-not-required, opted-in or not-opted-in (from DescribeRegions)' },
    { name: 'endpoint', type: 'VARCHAR', description: 'The EC2 endpoint of the region' },
  ],
});

export const tables: TableDef[] = [awsAccounts, awsRegions];
