import { defineTable, type TableDef } from './table.js';

export const awsSsmDocuments = defineTable({
  name: 'aws_ssm_documents',
  description: 'One row per Systems Manager document the account owns in the region (ListDocuments Owner=Self), with who it is shared with (DescribeDocumentPermission)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ssm:<region>:<account>:document/<name>' },
    { name: 'name', type: 'VARCHAR', description: 'Document name' },
    { name: 'document_type', type: 'VARCHAR', description: 'Command, Automation, Session, Package, …' },
    { name: 'document_format', type: 'VARCHAR', description: 'JSON, YAML or TEXT' },
    { name: 'document_version', type: 'VARCHAR', description: 'Default version' },
    { name: 'platform_types', type: 'VARCHAR[]', description: 'Windows, Linux, MacOS' },
    { name: 'shared_account_ids', type: 'VARCHAR[]', description: "Accounts the document is shared with; 'all' means every AWS account (public). NULL when the permissions could not be read" },
    { name: 'is_public', type: 'BOOLEAN', description: "True when shared with 'all'; NULL when the permissions could not be read" },
  ],
});

export const tables: TableDef[] = [awsSsmDocuments];
