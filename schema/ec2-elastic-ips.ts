import { defineTable, type TableDef } from './table.js';

export const awsEc2ElasticIps = defineTable({
  name: 'aws_ec2_elastic_ips',
  description: 'One row per Elastic IP address allocated in the region (DescribeAddresses)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>:<account>:elastic-ip/<allocation id>' },
    { name: 'allocation_id', type: 'VARCHAR', description: 'Allocation id (eipalloc-…)' },
    { name: 'public_ip', type: 'VARCHAR', description: 'The public IPv4 address' },
    { name: 'association_id', type: 'VARCHAR', description: 'Association id (eipassoc-…); NULL when the address is attached to nothing' },
    { name: 'instance_id', type: 'VARCHAR', description: 'Instance the address is associated with' },
    { name: 'network_interface_id', type: 'VARCHAR', description: 'Network interface the address is associated with (NAT gateways, load balancers, instances)' },
    { name: 'domain', type: 'VARCHAR', description: 'vpc or standard' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const tables: TableDef[] = [awsEc2ElasticIps];
