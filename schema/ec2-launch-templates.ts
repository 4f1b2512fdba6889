import { defineTable, type TableDef } from './table.js';

// In its own file (not schema/ec2.ts), like the VPC endpoints: launch templates evolve without touching the network tables.
export const awsEc2LaunchTemplates = defineTable({
  name: 'aws_ec2_launch_templates',
  description:
    'One row per EC2 launch template of the region, as its default version defines it (DescribeLaunchTemplateVersions $Default; user data not stored)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>:<account>:launch-template/<id>' },
    { name: 'launch_template_id', type: 'VARCHAR', description: 'Launch template id (lt-…)' },
    { name: 'name', type: 'VARCHAR', description: 'Launch template name' },
    { name: 'default_version_number', type: 'BIGINT', description: 'The default version, the one described here' },
    { name: 'network_interface_count', type: 'INTEGER', description: 'Network interfaces the default version defines' },
    {
      name: 'public_ip_interfaces',
      type: 'INTEGER',
      description: 'Network interfaces of the default version with AssociatePublicIpAddress true (unset leaves it to the subnet); NULL when the version was not read',
    },
    { name: 'metadata_http_tokens', type: 'VARCHAR', description: 'MetadataOptions.HttpTokens: required (IMDSv2 only) or optional; NULL when not set' },
    { name: 'created_by', type: 'VARCHAR', description: 'Principal that created the default version' },
    { name: 'create_time', type: 'TIMESTAMP', description: 'When the default version was created' },
  ],
});

export const tables: TableDef[] = [awsEc2LaunchTemplates];
