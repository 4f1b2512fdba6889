import { defineTable, type TableDef } from './table.js';

export const awsClientVpnEndpoints = defineTable({
  name: 'aws_clientvpn_endpoints',
  description: 'One row per Client VPN endpoint of the region (DescribeClientVpnEndpoints, which carries each endpoint\'s connection logging options)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:ec2:<region>:<account>:client-vpn-endpoint/<id>' },
    { name: 'client_vpn_endpoint_id', type: 'VARCHAR', description: 'Client VPN endpoint id (cvpn-endpoint-…)' },
    { name: 'description', type: 'VARCHAR', description: 'The endpoint\'s description' },
    { name: 'status', type: 'VARCHAR', description: 'Status.Code: pending, pending-associate, available, deleting or deleted' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC the endpoint\'s security groups belong to' },
    {
      name: 'connection_log_enabled',
      type: 'BOOLEAN',
      description: 'ConnectionLogOptions.Enabled: client connection attempts and disconnections are logged to CloudWatch Logs; NULL when not reported',
    },
    { name: 'connection_log_group', type: 'VARCHAR', description: 'ConnectionLogOptions.CloudwatchLogGroup: the log group connection logs go to' },
    { name: 'connection_log_stream', type: 'VARCHAR', description: 'ConnectionLogOptions.CloudwatchLogStream: the log stream connection logs go to' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const tables: TableDef[] = [awsClientVpnEndpoints];
