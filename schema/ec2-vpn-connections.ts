import { defineTable, type TableDef } from './table.js';

export const awsEc2VpnConnections = defineTable({
  name: 'aws_ec2_vpn_connections',
  description: 'One row per Site-to-Site VPN connection of the region (DescribeVpnConnections; the customer gateway configuration, which holds the tunnel keys, is not stored)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>:<account>:vpn-connection/<id>' },
    { name: 'vpn_connection_id', type: 'VARCHAR', description: 'VPN connection id (vpn-…)' },
    { name: 'state', type: 'VARCHAR', description: 'pending, available, deleting or deleted' },
    { name: 'transit_gateway_id', type: 'VARCHAR', description: 'Transit gateway the connection ends on, if any' },
    { name: 'vpn_gateway_id', type: 'VARCHAR', description: 'Virtual private gateway the connection ends on, if any' },
    { name: 'tunnel_count', type: 'INTEGER', description: 'Tunnels AWS reports telemetry for (VgwTelemetry)' },
    { name: 'tunnels_up', type: 'INTEGER', description: 'Tunnels whose status is UP' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const tables: TableDef[] = [awsEc2VpnConnections];
