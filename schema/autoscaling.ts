import { defineTable, type TableDef } from './table.js';

export const awsAutoscalingGroups = defineTable({
  name: 'aws_autoscaling_groups',
  description: 'One row per EC2 Auto Scaling group of the region (DescribeAutoScalingGroups)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Auto Scaling group ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Group name' },
    { name: 'availability_zones', type: 'VARCHAR[]', description: 'Availability Zones the group launches into; NULL when not reported' },
    { name: 'health_check_type', type: 'VARCHAR', description: 'EC2, ELB, VPC_LATTICE, EBS (a comma-separated list where several)' },
    { name: 'load_balancer_names', type: 'VARCHAR[]', description: 'Classic Load Balancers attached' },
    { name: 'target_group_arns', type: 'VARCHAR[]', description: 'ELBv2 target groups attached' },
    { name: 'launch_configuration_name', type: 'VARCHAR', description: 'Launch configuration the group launches from; NULL when it uses a launch template' },
    { name: 'launch_template_id', type: 'VARCHAR', description: 'Launch template the group (or its mixed instances policy) launches from' },
    { name: 'launch_template_version', type: 'VARCHAR', description: 'Version of that template: a number, $Latest or $Default' },
    { name: 'mixed_instances_policy', type: 'BOOLEAN', description: 'The group has a mixed instances policy' },
    { name: 'instance_types', type: 'VARCHAR[]', description: 'Instance types the mixed instances policy overrides name (empty without a policy or overrides)' },
  ],
});

export const awsAutoscalingLaunchConfigurations = defineTable({
  name: 'aws_autoscaling_launch_configurations',
  description: 'One row per EC2 Auto Scaling launch configuration of the region (DescribeLaunchConfigurations)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Launch configuration ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Launch configuration name' },
    { name: 'image_id', type: 'VARCHAR', description: 'AMI' },
    { name: 'instance_type', type: 'VARCHAR', description: 'Instance type' },
    { name: 'associate_public_ip_address', type: 'BOOLEAN', description: 'AssociatePublicIpAddress; NULL when not set (the subnet decides)' },
    { name: 'metadata_options_set', type: 'BOOLEAN', description: 'The configuration sets MetadataOptions (otherwise AWS defaults apply: IMDSv1 allowed, hop limit 1)' },
    { name: 'http_tokens', type: 'VARCHAR', description: 'MetadataOptions.HttpTokens: required (IMDSv2 only) or optional; NULL when not set' },
    { name: 'http_endpoint', type: 'VARCHAR', description: 'MetadataOptions.HttpEndpoint: enabled or disabled; NULL when not set' },
    { name: 'http_put_response_hop_limit', type: 'INTEGER', description: 'MetadataOptions.HttpPutResponseHopLimit; NULL when not set (AWS default 1)' },
  ],
});

export const tables: TableDef[] = [awsAutoscalingGroups, awsAutoscalingLaunchConfigurations];
