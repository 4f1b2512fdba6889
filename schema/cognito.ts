import { defineTable, type TableDef } from './table.js';

export const awsCognitoUserPools = defineTable({
  name: 'aws_cognito_user_pools',
  description: 'One row per Amazon Cognito user pool of the region (ListUserPools, DescribeUserPool)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'User pool ARN' },
    { name: 'user_pool_id', type: 'VARCHAR', description: 'User pool id (<region>_…)' },
    { name: 'name', type: 'VARCHAR', description: 'User pool name' },
    {
      name: 'advanced_security_mode',
      type: 'VARCHAR',
      description: 'UserPoolAddOns.AdvancedSecurityMode (threat protection for standard authentication): OFF, AUDIT or ENFORCED; NULL when not reported',
    },
    { name: 'feature_plan', type: 'VARCHAR', description: 'LITE, ESSENTIALS or PLUS (threat protection needs PLUS)' },
    { name: 'mfa_configuration', type: 'VARCHAR', description: 'OFF, ON or OPTIONAL' },
    { name: 'configuration_read', type: 'BOOLEAN', description: 'False when DescribeUserPool failed: the settings are then unknown, not off' },
  ],
});

export const tables: TableDef[] = [awsCognitoUserPools];
