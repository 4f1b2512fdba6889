import { EC2Client, paginateDescribeTransitGateways, type TransitGateway } from '@aws-sdk/client-ec2';
import { awsEc2TransitGateways } from '../../schema/ec2-transit-gateways.js';
import { allItems, ec2Arn, listCollector, requireElement, tagMap } from './shared.js';

/** DescribeTransitGateways pages every transit gateway with its options: no per-item call. */
export const transitGatewaysCollector = listCollector<TransitGateway>({
  name: 'transit-gateways',
  table: awsEc2TransitGateways,
  list: (ctx) =>
    allItems(paginateDescribeTransitGateways({ client: ctx.client(EC2Client) }, { MaxResults: 1000 }), (p) =>
      requireElement(p.TransitGateways, 'DescribeTransitGateways', 'transitGatewaySet')),
  row: (t, ctx) => ({
    arn: t.TransitGatewayArn ?? ec2Arn(ctx, 'transit-gateway', t.TransitGatewayId, t.OwnerId ?? ctx.accountId),
    transit_gateway_id: t.TransitGatewayId ?? null,
    state: t.State ?? null,
    owner_id: t.OwnerId ?? null,
    auto_accept_shared_attachments: t.Options?.AutoAcceptSharedAttachments ?? null,
    default_route_table_association: t.Options?.DefaultRouteTableAssociation ?? null,
    tags: tagMap(t.Tags),
  }),
});
