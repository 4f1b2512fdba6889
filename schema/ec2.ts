import { defineTable, type ColumnDef, type TableDef } from './table.js';

const tags: ColumnDef = { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' };

export const awsEc2Instances = defineTable({
  name: 'aws_ec2_instances',
  description: 'One row per EC2 instance (every state, including terminated ones AWS still lists)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>:<account>:instance/<id>' },
    { name: 'instance_id', type: 'VARCHAR', description: 'Instance id (i-…)' },
    { name: 'instance_type', type: 'VARCHAR', description: 'Instance type, e.g. t3.micro' },
    { name: 'state', type: 'VARCHAR', description: 'pending, running, shutting-down, terminated, stopping or stopped' },
    { name: 'state_transition_reason', type: 'VARCHAR', description: "Reason for the most recent state transition, as AWS wrote it, e.g. 'User initiated (2026-01-31 09:15:00 GMT)'; NULL or '' when none" },
    { name: 'stopped_at', type: 'TIMESTAMP', description: "When a stopped (or stopping) instance stopped, parsed at sync from StateTransitionReason 'User initiated (YYYY-MM-DD HH:MM:SS GMT)'; NULL when the instance is not stopped or the reason carries no time" },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC the instance runs in' },
    { name: 'subnet_id', type: 'VARCHAR', description: 'Subnet the instance runs in' },
    { name: 'image_id', type: 'VARCHAR', description: 'AMI the instance was launched from' },
    { name: 'launch_time', type: 'TIMESTAMP', description: 'When the instance was last launched' },
    { name: 'private_ip_address', type: 'VARCHAR', description: 'Primary private IPv4 address' },
    { name: 'public_ip_address', type: 'VARCHAR', description: 'Public IPv4 address, if any' },
    { name: 'iam_instance_profile_arn', type: 'VARCHAR', description: 'ARN of the attached IAM instance profile, if any' },
    { name: 'security_group_ids', type: 'VARCHAR[]', description: 'Security groups attached to the instance' },
    { name: 'metadata_http_tokens', type: 'VARCHAR', description: "Instance metadata service: 'required' (IMDSv2 only) or 'optional' (IMDSv1 allowed)" },
    { name: 'metadata_http_endpoint', type: 'VARCHAR', description: "Instance metadata service endpoint: 'enabled' or 'disabled'" },
    { name: 'metadata_http_put_response_hop_limit', type: 'INTEGER', description: 'Hop limit of IMDS PUT responses' },
    { name: 'virtualization_type', type: 'VARCHAR', description: "hvm or paravirtual (DescribeInstances VirtualizationType)" },
    { name: 'network_interface_ids', type: 'VARCHAR[]', description: 'Network interfaces attached to the instance (ENIs and EFAs, primary included), from DescribeInstances NetworkInterfaces' },
    tags,
  ],
});

export const awsEc2Volumes = defineTable({
  name: 'aws_ec2_volumes',
  description: 'One row per EBS volume',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>:<account>:volume/<id>' },
    { name: 'volume_id', type: 'VARCHAR', description: 'Volume id (vol-…)' },
    { name: 'encrypted', type: 'BOOLEAN', description: 'True when the volume is encrypted' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key encrypting the volume' },
    { name: 'state', type: 'VARCHAR', description: 'creating, available, in-use, deleting, deleted or error' },
    { name: 'size_gib', type: 'INTEGER', description: 'Size in GiB' },
    { name: 'volume_type', type: 'VARCHAR', description: 'gp2, gp3, io1, io2, st1, sc1 or standard' },
    { name: 'availability_zone', type: 'VARCHAR', description: 'Availability zone of the volume' },
    { name: 'create_time', type: 'TIMESTAMP', description: 'When the volume was created' },
    { name: 'snapshot_id', type: 'VARCHAR', description: 'Snapshot the volume was created from, if any' },
    { name: 'attached_instance_ids', type: 'VARCHAR[]', description: 'Instances the volume is attached to' },
    tags,
  ],
});

export const awsEc2SecurityGroups = defineTable({
  name: 'aws_ec2_security_groups',
  description: 'One row per security group, with its inbound and outbound permissions as AWS lists them',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>:<account>:security-group/<id>' },
    { name: 'group_id', type: 'VARCHAR', description: 'Security group id (sg-…)' },
    { name: 'group_name', type: 'VARCHAR', description: 'Security group name' },
    { name: 'description', type: 'VARCHAR', description: 'Description given at creation' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC of the group' },
    { name: 'owner_id', type: 'VARCHAR', description: 'Account that owns the group' },
    { name: 'is_default', type: 'BOOLEAN', description: "True for the VPC's default security group (group name 'default')" },
    { name: 'ip_permissions', type: 'JSON', description: 'Inbound permissions (DescribeSecurityGroups IpPermissions)' },
    { name: 'ip_permissions_egress', type: 'JSON', description: 'Outbound permissions (IpPermissionsEgress)' },
    { name: 'ingress_rule_count', type: 'INTEGER', description: 'Number of inbound permission entries' },
    { name: 'egress_rule_count', type: 'INTEGER', description: 'Number of outbound permission entries' },
    tags,
  ],
});

export const awsEc2SecurityGroupRules = defineTable({
  name: 'aws_ec2_security_group_rules',
  description: 'One row per security group rule (DescribeSecurityGroupRules): one source or destination per row',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>:<account>:security-group-rule/<id>' },
    { name: 'security_group_rule_id', type: 'VARCHAR', description: 'Rule id (sgr-…)' },
    { name: 'group_id', type: 'VARCHAR', description: 'Security group the rule belongs to' },
    { name: 'group_owner_id', type: 'VARCHAR', description: 'Account that owns the security group' },
    { name: 'is_egress', type: 'BOOLEAN', description: 'True for an outbound rule, false for an inbound rule' },
    { name: 'ip_protocol', type: 'VARCHAR', description: "Protocol: tcp, udp, icmp, icmpv6, a protocol number, or '-1' for all traffic" },
    { name: 'from_port', type: 'INTEGER', description: 'Start of the port range (-1 when the protocol has no ports or all traffic)' },
    { name: 'to_port', type: 'INTEGER', description: 'End of the port range (-1 when the protocol has no ports or all traffic)' },
    { name: 'cidr_ipv4', type: 'VARCHAR', description: 'IPv4 range the rule allows, e.g. 0.0.0.0/0' },
    { name: 'cidr_ipv6', type: 'VARCHAR', description: 'IPv6 range the rule allows, e.g. ::/0' },
    { name: 'referenced_group_id', type: 'VARCHAR', description: 'Security group the rule allows, when it references one' },
    { name: 'referenced_group_owner_id', type: 'VARCHAR', description: 'Account of the referenced security group' },
    { name: 'prefix_list_id', type: 'VARCHAR', description: 'Managed prefix list the rule allows, when it references one (its entries: aws_ec2_managed_prefix_lists)' },
    { name: 'description', type: 'VARCHAR', description: 'Rule description' },
    { name: 'admin_ports', type: 'VARCHAR[]', description: "Remote administration ports the rule's protocol and port range reach, e.g. ['tcp/22', 'udp/3389'] (TCP, UDP or all traffic; 22 and 3389); [] for outbound rules" },
    tags,
  ],
});

export const awsEc2ManagedPrefixLists = defineTable({
  name: 'aws_ec2_managed_prefix_lists',
  description: 'One row per managed prefix list visible in the region (own, shared and AWS-managed), with its entries',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'The prefix list ARN' },
    { name: 'prefix_list_id', type: 'VARCHAR', description: 'Prefix list id (pl-…)' },
    { name: 'prefix_list_name', type: 'VARCHAR', description: 'Prefix list name (com.amazonaws.<region>.<service> for AWS-managed lists)' },
    { name: 'address_family', type: 'VARCHAR', description: 'IPv4 or IPv6' },
    { name: 'owner_id', type: 'VARCHAR', description: "Account that owns the list ('AWS' for AWS-managed lists)" },
    { name: 'state', type: 'VARCHAR', description: 'create-complete, modify-complete, …' },
    { name: 'version', type: 'BIGINT', description: 'Version of the list the entries were read at' },
    { name: 'max_entries', type: 'INTEGER', description: 'Maximum number of entries' },
    { name: 'entries', type: 'JSON', description: 'The entries [{"Cidr", "Description"}] (GetManagedPrefixListEntries); NULL when they could not be read' },
    { name: 'cidrs', type: 'VARCHAR[]', description: 'The CIDR blocks of the entries; NULL when they could not be read' },
    { name: 'contains_world', type: 'BOOLEAN', description: 'An entry is the whole address space (a /0: 0.0.0.0/0 or ::/0); NULL when the entries could not be read' },
    tags,
  ],
});

export const awsEc2NetworkAcls = defineTable({
  name: 'aws_ec2_network_acls',
  description: 'One row per network ACL; its entries are in aws_ec2_network_acl_entries',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>:<account>:network-acl/<id>' },
    { name: 'network_acl_id', type: 'VARCHAR', description: 'Network ACL id (acl-…)' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC of the network ACL' },
    { name: 'is_default', type: 'BOOLEAN', description: "True for the VPC's default network ACL" },
    { name: 'owner_id', type: 'VARCHAR', description: 'Account that owns the network ACL' },
    { name: 'subnet_ids', type: 'VARCHAR[]', description: 'Subnets associated with the network ACL' },
    { name: 'entries', type: 'JSON', description: 'The entries as AWS lists them' },
    { name: 'ingress_admin_exposure', type: 'VARCHAR[]', description: "Administration ports the ACL admits from the whole internet, its inbound entries walked in rule-number order as AWS does, e.g. ['tcp/22 from 0.0.0.0/0 (rule 100)']; NULL when the entries could not be evaluated" },
    tags,
  ],
});

export const awsEc2NetworkAclEntries = defineTable({
  name: 'aws_ec2_network_acl_entries',
  description: 'One row per network ACL entry (rule), inbound and outbound',
  scope: 'regional',
  resourceId: 'entry_id',
  columns: [
    { name: 'entry_id', type: 'VARCHAR', description: "<network acl id>:<ingress|egress>:<rule number>, e.g. acl-0abc:ingress:100" },
    { name: 'network_acl_id', type: 'VARCHAR', description: 'Network ACL the entry belongs to' },
    { name: 'network_acl_arn', type: 'VARCHAR', description: 'ARN of that network ACL' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC of the network ACL' },
    { name: 'rule_number', type: 'INTEGER', description: 'Evaluation order: lowest first; 32767 is the final deny-all' },
    { name: 'egress', type: 'BOOLEAN', description: 'True for an outbound entry, false for an inbound entry' },
    { name: 'protocol', type: 'VARCHAR', description: "Protocol number as a string: '6' TCP, '17' UDP, '1' ICMP, '-1' all" },
    { name: 'rule_action', type: 'VARCHAR', description: 'allow or deny' },
    { name: 'cidr_block', type: 'VARCHAR', description: 'IPv4 range the entry matches' },
    { name: 'ipv6_cidr_block', type: 'VARCHAR', description: 'IPv6 range the entry matches' },
    { name: 'port_from', type: 'INTEGER', description: 'Start of the port range; NULL when the entry covers all ports (all protocols)' },
    { name: 'port_to', type: 'INTEGER', description: 'End of the port range; NULL when the entry covers all ports (all protocols)' },
    { name: 'icmp_type', type: 'INTEGER', description: 'ICMP type, for ICMP entries' },
    { name: 'icmp_code', type: 'INTEGER', description: 'ICMP code, for ICMP entries' },
  ],
});

export const awsEc2Vpcs = defineTable({
  name: 'aws_ec2_vpcs',
  description: 'One row per VPC',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>:<account>:vpc/<id>' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC id (vpc-…)' },
    { name: 'cidr_block', type: 'VARCHAR', description: 'Primary IPv4 range' },
    { name: 'ipv6_cidr_blocks', type: 'VARCHAR[]', description: 'Associated IPv6 ranges' },
    { name: 'is_default', type: 'BOOLEAN', description: "True for the region's default VPC" },
    { name: 'state', type: 'VARCHAR', description: 'pending or available' },
    { name: 'owner_id', type: 'VARCHAR', description: 'Account that owns the VPC' },
    { name: 'instance_tenancy', type: 'VARCHAR', description: 'default, dedicated or host' },
    { name: 'dhcp_options_id', type: 'VARCHAR', description: 'DHCP options set of the VPC' },
    tags,
  ],
});

export const awsEc2Subnets = defineTable({
  name: 'aws_ec2_subnets',
  description: 'One row per subnet',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Subnet ARN' },
    { name: 'subnet_id', type: 'VARCHAR', description: 'Subnet id (subnet-…)' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC of the subnet' },
    { name: 'cidr_block', type: 'VARCHAR', description: 'IPv4 range' },
    { name: 'ipv6_cidr_blocks', type: 'VARCHAR[]', description: 'Associated IPv6 ranges' },
    { name: 'availability_zone', type: 'VARCHAR', description: 'Availability zone' },
    { name: 'default_for_az', type: 'BOOLEAN', description: 'True for the default subnet of its zone' },
    { name: 'map_public_ip_on_launch', type: 'BOOLEAN', description: 'True when instances launched here get a public IPv4 address' },
    { name: 'available_ip_address_count', type: 'INTEGER', description: 'Free IPv4 addresses' },
    { name: 'state', type: 'VARCHAR', description: 'pending or available' },
    tags,
  ],
});

export const awsEc2RouteTables = defineTable({
  name: 'aws_ec2_route_tables',
  description: 'One row per route table, with its routes and associations',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>:<account>:route-table/<id>' },
    { name: 'route_table_id', type: 'VARCHAR', description: 'Route table id (rtb-…)' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC of the route table' },
    { name: 'is_main', type: 'BOOLEAN', description: "True for the VPC's main route table" },
    { name: 'subnet_ids', type: 'VARCHAR[]', description: 'Subnets explicitly associated with the table' },
    { name: 'routes', type: 'JSON', description: 'Routes as AWS lists them' },
    { name: 'owner_id', type: 'VARCHAR', description: 'Account that owns the route table' },
    tags,
  ],
});

export const awsEc2VpcPeeringConnections = defineTable({
  name: 'aws_ec2_vpc_peering_connections',
  description: 'One row per VPC peering connection the account requested or accepted',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>:<account>:vpc-peering-connection/<id>' },
    { name: 'vpc_peering_connection_id', type: 'VARCHAR', description: 'Peering connection id (pcx-…)' },
    { name: 'status_code', type: 'VARCHAR', description: 'pending-acceptance, active, rejected, deleted, …' },
    { name: 'requester_vpc_id', type: 'VARCHAR', description: 'VPC that requested the peering' },
    { name: 'requester_owner_id', type: 'VARCHAR', description: 'Account of the requester VPC' },
    { name: 'requester_region', type: 'VARCHAR', description: 'Region of the requester VPC' },
    { name: 'requester_cidr_block', type: 'VARCHAR', description: 'IPv4 range of the requester VPC' },
    { name: 'accepter_vpc_id', type: 'VARCHAR', description: 'VPC that accepted the peering' },
    { name: 'accepter_owner_id', type: 'VARCHAR', description: 'Account of the accepter VPC' },
    { name: 'accepter_region', type: 'VARCHAR', description: 'Region of the accepter VPC' },
    { name: 'accepter_cidr_block', type: 'VARCHAR', description: 'IPv4 range of the accepter VPC' },
    { name: 'expiration_time', type: 'TIMESTAMP', description: 'When an unaccepted request expires' },
    tags,
  ],
});

export const awsEc2NetworkInterfaces = defineTable({
  name: 'aws_ec2_network_interfaces',
  description: 'One row per elastic network interface',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>:<account>:network-interface/<id>' },
    { name: 'network_interface_id', type: 'VARCHAR', description: 'Interface id (eni-…)' },
    { name: 'interface_type', type: 'VARCHAR', description: 'interface, nat_gateway, lambda, …' },
    { name: 'status', type: 'VARCHAR', description: 'available, in-use, …' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC of the interface' },
    { name: 'subnet_id', type: 'VARCHAR', description: 'Subnet of the interface' },
    { name: 'availability_zone', type: 'VARCHAR', description: 'Availability zone' },
    { name: 'private_ip_address', type: 'VARCHAR', description: 'Primary private IPv4 address' },
    { name: 'public_ip', type: 'VARCHAR', description: 'Associated public IPv4 address, if any' },
    { name: 'attached_instance_id', type: 'VARCHAR', description: 'Instance the interface is attached to, if any' },
    { name: 'security_group_ids', type: 'VARCHAR[]', description: 'Security groups of the interface' },
    { name: 'requester_managed', type: 'BOOLEAN', description: 'True when an AWS service manages the interface' },
    { name: 'description', type: 'VARCHAR', description: 'Description' },
    tags,
  ],
});

export const awsEc2FlowLogs = defineTable({
  name: 'aws_ec2_flow_logs',
  description: 'One row per flow log (on a VPC, subnet or network interface)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>:<account>:vpc-flow-log/<id>' },
    { name: 'flow_log_id', type: 'VARCHAR', description: 'Flow log id (fl-…)' },
    { name: 'resource_id', type: 'VARCHAR', description: 'VPC, subnet or network interface the flow log watches' },
    { name: 'resource_type', type: 'VARCHAR', description: 'VPC, Subnet or NetworkInterface (from the resource id)' },
    { name: 'status', type: 'VARCHAR', description: 'Flow log status: ACTIVE when it is set up' },
    { name: 'deliver_logs_status', type: 'VARCHAR', description: 'SUCCESS or FAILED: whether delivery works' },
    { name: 'deliver_logs_error_message', type: 'VARCHAR', description: 'Why delivery fails, when it does' },
    { name: 'traffic_type', type: 'VARCHAR', description: 'ACCEPT, REJECT or ALL' },
    { name: 'log_destination_type', type: 'VARCHAR', description: 'cloud-watch-logs, s3 or kinesis-data-firehose' },
    { name: 'log_destination', type: 'VARCHAR', description: 'ARN of the destination' },
    { name: 'log_group_name', type: 'VARCHAR', description: 'CloudWatch Logs group, for cloud-watch-logs destinations' },
    { name: 'creation_time', type: 'TIMESTAMP', description: 'When the flow log was created' },
    tags,
  ],
});

export const awsEc2EbsEncryptionDefaults = defineTable({
  name: 'aws_ec2_ebs_encryption_defaults',
  description: 'One row per account and region: whether new EBS volumes are encrypted by default, and with which key',
  scope: 'regional',
  resourceId: 'region',
  columns: [
    { name: 'enabled', type: 'BOOLEAN', description: 'True when EBS encryption by default is on in the region' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'Default KMS key for EBS encryption (read only when encryption by default is on)' },
  ],
});

export const tables: TableDef[] = [
  awsEc2Instances,
  awsEc2Volumes,
  awsEc2SecurityGroups,
  awsEc2SecurityGroupRules,
  awsEc2ManagedPrefixLists,
  awsEc2NetworkAcls,
  awsEc2NetworkAclEntries,
  awsEc2Vpcs,
  awsEc2Subnets,
  awsEc2RouteTables,
  awsEc2VpcPeeringConnections,
  awsEc2NetworkInterfaces,
  awsEc2FlowLogs,
  awsEc2EbsEncryptionDefaults,
];
