import { defineTable, type TableDef } from './table.js';

// In its own file (not schema/backup.ts): selections evolve without touching the vault, plan and recovery point tables.
export const awsBackupSelections = defineTable({
  name: 'aws_backup_selections',
  description: 'One row per resource assignment (backup selection) of every AWS Backup plan of the region, with what it selects (ListBackupPlans, ListBackupSelections, GetBackupSelection)',
  scope: 'regional',
  resourceId: 'id',
  columns: [
    { name: 'id', type: 'VARCHAR', description: 'AWS gives a selection no ARN: <backup plan ARN>/selection/<selection id>' },
    { name: 'selection_id', type: 'VARCHAR', description: 'Selection id' },
    { name: 'selection_name', type: 'VARCHAR', description: 'Selection name' },
    { name: 'backup_plan_id', type: 'VARCHAR', description: 'Plan the selection belongs to' },
    { name: 'backup_plan_arn', type: 'VARCHAR', description: 'ARN of that plan' },
    { name: 'iam_role_arn', type: 'VARCHAR', description: 'Role AWS Backup assumes to back the resources up' },
    { name: 'resources', type: 'VARCHAR[]', description: "Resource ARNs selected, wildcards included ('*', 'arn:aws:ec2:*:*:volume/*'); NULL when the selection could not be read" },
    { name: 'not_resources', type: 'VARCHAR[]', description: 'Resource ARNs excluded, wildcards included; NULL when the selection could not be read' },
    { name: 'list_of_tags', type: 'JSON', description: 'Tag conditions of which a resource must match any (ConditionType, ConditionKey, ConditionValue); NULL when not read' },
    { name: 'conditions', type: 'JSON', description: 'StringEquals, StringNotEquals, StringLike, StringNotLike tag conditions a resource must all match; NULL when not read' },
    { name: 'creation_date', type: 'TIMESTAMP', description: 'When the selection was created' },
  ],
});

export const awsBackupRegionSettings = defineTable({
  name: 'aws_backup_region_settings',
  description: "One row per account and region: AWS Backup's service opt-in (DescribeRegionSettings). A resource type not opted in is backed up only by a selection that names its resource type in an ARN",
  scope: 'regional',
  resourceId: 'region',
  columns: [
    { name: 'opted_in_resource_types', type: 'VARCHAR[]', description: "Resource types whose opt-in is true (ResourceTypeOptInPreference), e.g. 'DynamoDB', 'EBS', 'EFS', 'RDS'" },
    { name: 'resource_type_opt_in', type: 'JSON', description: 'ResourceTypeOptInPreference as AWS answered it: {resource type: true|false}' },
    { name: 'resource_type_management', type: 'JSON', description: 'ResourceTypeManagementPreference: {resource type: whether AWS Backup fully manages its backups}' },
  ],
});

export const tables: TableDef[] = [awsBackupSelections, awsBackupRegionSettings];
