import { defineTable, type TableDef } from './table.js';

// In its own file (not schema/ec2.ts) so EC2 network tables and this one evolve without touching each other.
export const awsEc2VpcEndpoints = defineTable({
  name: 'aws_ec2_vpc_endpoints',
  description: 'One row per VPC endpoint of the region (gateway, interface, Gateway Load Balancer, resource and service-network endpoints)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>:<account>:vpc-endpoint/<id>' },
    { name: 'vpc_endpoint_id', type: 'VARCHAR', description: 'Endpoint id (vpce-…)' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC of the endpoint' },
    { name: 'service_name', type: 'VARCHAR', description: 'Service the endpoint reaches, e.g. com.amazonaws.us-east-1.s3' },
    { name: 'vpc_endpoint_type', type: 'VARCHAR', description: 'Gateway, Interface, GatewayLoadBalancer, Resource or ServiceNetwork' },
    { name: 'state', type: 'VARCHAR', description: 'PendingAcceptance, Pending, Available, Deleting, Deleted, Rejected, Failed, Expired (AWS answers in lower case)' },
    { name: 'route_table_ids', type: 'VARCHAR[]', description: 'Route tables of a gateway endpoint (the subnets using them reach the service through it)' },
    { name: 'subnet_ids', type: 'VARCHAR[]', description: 'Subnets holding the network interfaces of an interface endpoint' },
    { name: 'private_dns_enabled', type: 'BOOLEAN', description: "True when the service's default DNS name resolves to the interface endpoint" },
    { name: 'policy', type: 'JSON', description: 'The endpoint policy document' },
    { name: 'owner_id', type: 'VARCHAR', description: 'Account that owns the endpoint' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const tables: TableDef[] = [awsEc2VpcEndpoints];
