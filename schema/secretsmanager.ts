import { resourcePolicyColumns } from './policy-columns.js';
import { defineTable, type TableDef } from './table.js';

export const awsSecretsmanagerSecrets = defineTable({
  name: 'aws_secretsmanager_secrets',
  description: 'One row per Secrets Manager secret of the region (metadata and resource policy; never the secret value)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Secret ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Secret name' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key encrypting the secret; NULL means the AWS managed key aws/secretsmanager' },
    { name: 'rotation_enabled', type: 'BOOLEAN', description: 'True when automatic rotation is on' },
    { name: 'last_rotated_date', type: 'TIMESTAMP', description: 'When the secret was last rotated' },
    { name: 'last_accessed_date', type: 'TIMESTAMP', description: 'Day the secret was last read' },
    { name: 'created_date', type: 'TIMESTAMP', description: 'When the secret was created' },
    { name: 'rotation_interval_days', type: 'INTEGER', description: 'RotationRules.AutomaticallyAfterDays, when rotation is scheduled in days' },
    { name: 'next_rotation_date', type: 'TIMESTAMP', description: 'When Secrets Manager will next rotate the secret' },
    ...resourcePolicyColumns,
  ],
});

export const tables: TableDef[] = [awsSecretsmanagerSecrets];
