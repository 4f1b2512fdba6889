import { defineTable, type TableDef } from './table.js';

export const awsEc2TransitGateways = defineTable({
  name: 'aws_ec2_transit_gateways',
  description: 'One row per transit gateway the account owns in the region (DescribeTransitGateways)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Transit gateway ARN' },
    { name: 'transit_gateway_id', type: 'VARCHAR', description: 'Transit gateway id (tgw-…)' },
    { name: 'state', type: 'VARCHAR', description: 'pending, available, modifying, deleting or deleted' },
    { name: 'owner_id', type: 'VARCHAR', description: 'Account that owns the transit gateway' },
    {
      name: 'auto_accept_shared_attachments',
      type: 'VARCHAR',
      description: 'Options.AutoAcceptSharedAttachments: enable (attachment requests from other accounts are accepted unreviewed) or disable; NULL when not reported',
    },
    { name: 'default_route_table_association', type: 'VARCHAR', description: 'Options.DefaultRouteTableAssociation: enable or disable' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const tables: TableDef[] = [awsEc2TransitGateways];
