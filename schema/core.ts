import { defineTable, type TableDef } from './table.js';

export const awsAccounts = defineTable({
  name: 'aws_accounts',
  description: 'One row per synced account: its id, alias and organization membership',
  scope: 'global',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:::<account id>, the account as a resource' },
    { name: 'partition', type: 'VARCHAR', description: 'the AWS partition: aws, aws-cn, aws-us-gov, aws-eusc, aws-iso…' },
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
    { name: 'partition', type: 'VARCHAR', description: 'the AWS partition: aws, aws-cn, aws-us-gov, aws-eusc, aws-iso…' },
    { name: 'opt_in_status', type: 'VARCHAR', description: 'opt-in-not-required, opted-in or not-opted-in (from DescribeRegions)' },
    { name: 'endpoint', type: 'VARCHAR', description: 'The EC2 endpoint of the region' },
  ],
});

export const awsRegionCoverage = defineTable({
  name: 'aws_region_coverage',
  description: 'One row per account and enabled region (and per region a sync was asked for): whether the latest sync covered it, and if not, why',
  scope: 'regional',
  resourceId: 'region',
  columns: [
    { name: 'partition', type: 'VARCHAR', description: 'the AWS partition: aws, aws-cn, aws-us-gov, aws-eusc, aws-iso…' },
    { name: 'enabled', type: 'BOOLEAN', description: 'The region is enabled for the account (DescribeRegions); NULL when the regions could not be listed' },
    { name: 'in_scope', type: 'BOOLEAN', description: 'The latest sync collected this region (it is in aws_regions)' },
    { name: 'excluded_by', type: 'VARCHAR', description: "Why an enabled region was not synced: '--regions' (the sync was limited to other regions); NULL when in scope" },
  ],
});

export const tables: TableDef[] = [awsAccounts, awsRegions, awsRegionCoverage];
