import { defineTable, type TableDef } from './table.js';

export const awsEcrRepositories = defineTable({
  name: 'aws_ecr_repositories',
  description:
    'One row per private ECR repository of the region (DescribeRepositories, BatchGetRepositoryScanningConfiguration, GetLifecyclePolicy)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Repository ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Repository name' },
    { name: 'uri', type: 'VARCHAR', description: 'Repository URI (push and pull address)' },
    { name: 'registry_id', type: 'VARCHAR', description: 'Registry (account) id' },
    { name: 'created_at', type: 'TIMESTAMP', description: 'When the repository was created' },
    { name: 'image_tag_mutability', type: 'VARCHAR', description: 'MUTABLE, IMMUTABLE, or MUTABLE_WITH_EXCLUSION / IMMUTABLE_WITH_EXCLUSION' },
    { name: 'scan_on_push', type: 'BOOLEAN', description: "The repository's own (legacy) scan-on-push setting; registry scanning rules can override it" },
    { name: 'scan_frequency', type: 'VARCHAR', description: 'Effective scan frequency AWS applies (registry rules included): SCAN_ON_PUSH, CONTINUOUS_SCAN or MANUAL; NULL when it could not be read' },
    { name: 'applied_scan_filters', type: 'JSON', description: 'Registry scanning rule filters that match the repository' },
    { name: 'encryption_type', type: 'VARCHAR', description: 'AES256 or KMS (KMS_DSSE)' },
    { name: 'kms_key', type: 'VARCHAR', description: 'KMS key for KMS encryption' },
    { name: 'has_lifecycle_policy', type: 'BOOLEAN', description: 'True when a lifecycle policy exists; NULL when GetLifecyclePolicy failed' },
    { name: 'lifecycle_policy_text', type: 'VARCHAR', description: 'The lifecycle policy document as AWS returns it (JSON text)' },
  ],
});

export const tables: TableDef[] = [awsEcrRepositories];
