import { defineTable, type TableDef } from './table.js';

export const awsCloudformationStacks = defineTable({
  name: 'aws_cloudformation_stacks',
  description: 'One row per CloudFormation stack of the region that is not deleted, nested stacks included (DescribeStacks; parameters and outputs are not stored)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Stack id (its ARN)' },
    { name: 'name', type: 'VARCHAR', description: 'Stack name' },
    { name: 'status', type: 'VARCHAR', description: 'CREATE_COMPLETE, UPDATE_ROLLBACK_COMPLETE, …' },
    { name: 'notification_arns', type: 'VARCHAR[]', description: 'SNS topics that receive the stack’s events (empty when none)' },
    { name: 'termination_protection', type: 'BOOLEAN', description: 'True when termination protection is on' },
    { name: 'role_arn', type: 'VARCHAR', description: 'The service role CloudFormation uses for the stack, if any' },
    { name: 'drift_status', type: 'VARCHAR', description: 'DRIFTED, IN_SYNC, UNKNOWN or NOT_CHECKED' },
    { name: 'parent_id', type: 'VARCHAR', description: 'For a nested stack, the stack that directly contains it' },
    { name: 'root_id', type: 'VARCHAR', description: 'For a nested stack, the top-level stack it belongs to' },
    { name: 'created_at', type: 'TIMESTAMP', description: 'When the stack was created' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const tables: TableDef[] = [awsCloudformationStacks];
