import { defineTable, type TableDef } from './table.js';

export const awsAthenaWorkgroups = defineTable({
  name: 'aws_athena_workgroups',
  description: 'One row per Athena workgroup of the region (ListWorkGroups, GetWorkGroup)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:athena:<region>:<account>:workgroup/<name>' },
    { name: 'name', type: 'VARCHAR', description: 'Workgroup name (primary is the default one)' },
    { name: 'state', type: 'VARCHAR', description: 'ENABLED or DISABLED' },
    {
      name: 'encryption_option',
      type: 'VARCHAR',
      description: 'Query results encryption: SSE_S3, SSE_KMS or CSE_KMS; NULL when the workgroup encrypts none (or was not read: see configuration_read)',
    },
    { name: 'kms_key', type: 'VARCHAR', description: 'KMS key of SSE_KMS/CSE_KMS encryption' },
    { name: 'configuration_read', type: 'BOOLEAN', description: 'False when GetWorkGroup failed: the configuration columns are then unknown, not empty' },
    { name: 'enforce_workgroup_configuration', type: 'BOOLEAN', description: "True when the workgroup's settings override each query's own" },
    { name: 'output_location', type: 'VARCHAR', description: 'S3 location of query results' },
    { name: 'engine_version', type: 'VARCHAR', description: 'Effective Athena engine version' },
    { name: 'creation_time', type: 'TIMESTAMP', description: 'When the workgroup was created' },
  ],
});

export const tables: TableDef[] = [awsAthenaWorkgroups];
