import { defineTable, type TableDef } from './table.js';

export const awsAccessanalyzerAnalyzers = defineTable({
  name: 'aws_accessanalyzer_analyzers',
  description: 'IAM Access Analyzer analyzers, per region',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'The analyzer ARN' },
    { name: 'name', type: 'VARCHAR', description: 'The analyzer name' },
    { name: 'type', type: 'VARCHAR', description: 'ACCOUNT, ORGANIZATION, or an unused-access type' },
    { name: 'status', type: 'VARCHAR', description: 'ACTIVE, CREATING, DISABLED or FAILED' },
    { name: 'status_reason', type: 'VARCHAR', description: 'Why it is not ACTIVE, if AWS says' },
    { name: 'created_at', type: 'TIMESTAMP', description: 'When it was created (UTC)' },
    { name: 'last_resource_analyzed_at', type: 'TIMESTAMP', description: 'When it last analyzed a resource (UTC)' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const tables: TableDef[] = [awsAccessanalyzerAnalyzers];
