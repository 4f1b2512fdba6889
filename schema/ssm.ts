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

export const awsSsmManagedInstances = defineTable({
  name: 'aws_ssm_managed_instances',
  description: 'One row per node Systems Manager manages in the region, EC2 instances and hybrid nodes alike, with its agent status (DescribeInstanceInformation)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'The EC2 instance ARN for an EC2 instance (i-…); arn:<partition>:ssm:<region>:<account>:managed-instance/<mi-…> for a hybrid node' },
    { name: 'instance_id', type: 'VARCHAR', description: 'Managed node id: i-… (EC2) or mi-… (hybrid)' },
    { name: 'resource_type', type: 'VARCHAR', description: 'EC2Instance or ManagedInstance (hybrid)' },
    { name: 'ping_status', type: 'VARCHAR', description: 'Online, ConnectionLost (the agent stopped answering) or Inactive (deregistered or terminated)' },
    { name: 'last_ping_date_time', type: 'TIMESTAMP', description: 'When the agent last answered' },
    { name: 'agent_version', type: 'VARCHAR', description: 'SSM Agent version' },
    { name: 'is_latest_version', type: 'BOOLEAN', description: 'True when the agent is the latest version (Linux only; NULL otherwise)' },
    { name: 'platform_type', type: 'VARCHAR', description: 'Windows, Linux or MacOS' },
    { name: 'platform_name', type: 'VARCHAR', description: 'Operating system name' },
    { name: 'association_status', type: 'VARCHAR', description: 'Status of the latest association run on the node' },
    { name: 'computer_name', type: 'VARCHAR', description: 'Host name' },
  ],
});

export const awsSsmComplianceSummaries = defineTable({
  name: 'aws_ssm_compliance_summaries',
  description: 'One row per managed node and compliance type (Patch, Association, Custom:…) with its Systems Manager compliance status (ListResourceComplianceSummaries)',
  scope: 'regional',
  resourceId: 'resource_arn',
  columns: [
    { name: 'resource_arn', type: 'VARCHAR', description: 'The EC2 instance ARN for i-… nodes, the SSM managed-instance ARN for mi-… nodes, else <resource_type>/<resource_id>' },
    { name: 'resource_id', type: 'VARCHAR', description: 'Node id (i-… or mi-…)' },
    { name: 'resource_type', type: 'VARCHAR', description: 'ManagedInstance' },
    { name: 'compliance_type', type: 'VARCHAR', description: 'Patch, Association or Custom:<name>' },
    { name: 'status', type: 'VARCHAR', description: 'COMPLIANT or NON_COMPLIANT' },
    { name: 'overall_severity', type: 'VARCHAR', description: 'Highest severity among the non-compliant items: CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, UNSPECIFIED' },
    { name: 'execution_time', type: 'TIMESTAMP', description: 'When the compliance data was last collected (patch scan or install, association run)' },
    { name: 'execution_type', type: 'VARCHAR', description: 'How the data was collected (Command, …)' },
    { name: 'compliant_count', type: 'INTEGER', description: 'Compliant items' },
    { name: 'non_compliant_count', type: 'INTEGER', description: 'Non-compliant items' },
  ],
});

export const awsSsmParameters = defineTable({
  name: 'aws_ssm_parameters',
  description: "One row per Parameter Store parameter in the region with its type, key and tier (DescribeParameters: metadata only; a parameter's value is never read)",
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ssm:<region>:<account>:parameter/<name>' },
    { name: 'name', type: 'VARCHAR', description: 'Parameter name (path)' },
    { name: 'type', type: 'VARCHAR', description: 'String, StringList or SecureString (only SecureString is encrypted with KMS)' },
    { name: 'key_id', type: 'VARCHAR', description: 'KMS key of a SecureString parameter (alias/aws/ssm when the AWS managed key); NULL for other types' },
    { name: 'tier', type: 'VARCHAR', description: 'Standard, Advanced or Intelligent-Tiering' },
    { name: 'data_type', type: 'VARCHAR', description: 'text, aws:ec2:image or aws:ssm:integration' },
    { name: 'version', type: 'BIGINT', description: 'Current version' },
    { name: 'last_modified_date', type: 'TIMESTAMP', description: 'When the parameter was last changed' },
    { name: 'last_modified_user', type: 'VARCHAR', description: 'ARN of the identity that last changed it' },
  ],
});

export const tables: TableDef[] = [awsSsmDocuments, awsSsmManagedInstances, awsSsmComplianceSummaries, awsSsmParameters];
