import { DescribeVpnConnectionsCommand, EC2Client, type VpnConnection } from '@aws-sdk/client-ec2';
import { awsEc2VpnConnections } from '../../schema/ec2-vpn-connections.js';
import { ec2Arn, listCollector, requireElement, tagMap } from './shared.js';

/** DescribeVpnConnections answers every connection with its tunnels' telemetry in one call (AWS does not page it). */
export const vpnConnectionsCollector = listCollector<VpnConnection>({
  name: 'vpn-connections',
  table: awsEc2VpnConnections,
  list: async (ctx) => {
    const out = await ctx.client(EC2Client).send(new DescribeVpnConnectionsCommand({}));
    // The customer gateway configuration is the device's config file, tunnel pre-shared keys included: never stored.
    return requireElement(out.VpnConnections, 'DescribeVpnConnections', 'vpnConnectionSet').map((v) => ({ ...v, CustomerGatewayConfiguration: undefined }));
  },
  row: (v, ctx) => ({
    arn: ec2Arn(ctx, 'vpn-connection', v.VpnConnectionId),
    vpn_connection_id: v.VpnConnectionId ?? null,
    state: v.State ?? null,
    transit_gateway_id: v.TransitGatewayId || null,
    vpn_gateway_id: v.VpnGatewayId || null,
    tunnel_count: (v.VgwTelemetry ?? []).length,
    tunnels_up: (v.VgwTelemetry ?? []).filter((t) => t.Status === 'UP').length,
    tags: tagMap(v.Tags),
  }),
});
