import { defineTable, type TableDef } from './table.js';

// In its own file (not schema/ec2.ts), like the snapshots and launch templates.
export const awsEc2Images = defineTable({
  name: 'aws_ec2_images',
  description:
    'One row per AMI the account owns in the region, deprecated and disabled ones included (DescribeImages Owners self; whether it is public comes with the list)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>::image/<id> (AMI ARNs carry no account)' },
    { name: 'image_id', type: 'VARCHAR', description: 'AMI id (ami-…)' },
    { name: 'name', type: 'VARCHAR', description: 'AMI name' },
    { name: 'state', type: 'VARCHAR', description: 'pending, available, invalid, deregistered, transient, failed, error, disabled' },
    { name: 'public', type: 'BOOLEAN', description: "True when its launch permissions include the group 'all' (anyone may launch it); NULL when not reported" },
    { name: 'owner_id', type: 'VARCHAR', description: 'Account that owns the AMI' },
    { name: 'creation_date', type: 'TIMESTAMP', description: 'When the AMI was created' },
    { name: 'deprecation_time', type: 'TIMESTAMP', description: 'When the AMI is or was deprecated, if set' },
    { name: 'virtualization_type', type: 'VARCHAR', description: 'hvm or paravirtual' },
    { name: 'root_device_type', type: 'VARCHAR', description: 'ebs or instance-store' },
    { name: 'snapshot_ids', type: 'VARCHAR[]', description: 'EBS snapshots behind its block device mappings' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const tables: TableDef[] = [awsEc2Images];
