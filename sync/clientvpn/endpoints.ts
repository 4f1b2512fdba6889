import { EC2Client, paginateDescribeClientVpnEndpoints, type ClientVpnEndpoint } from '@aws-sdk/client-ec2';
import { awsClientVpnEndpoints } from '../../schema/clientvpn.js';
import { allItems, ec2Arn, listCollector, requireElement, tagMap } from '../ec2/shared.js';

/** DescribeClientVpnEndpoints pages every endpoint with its connection logging options: no per-item call. */
export const clientVpnEndpointsCollector = listCollector<ClientVpnEndpoint>({
  service: 'clientvpn',
  name: 'endpoints',
  table: awsClientVpnEndpoints,
  list: (ctx) =>
    // AWS takes MaxResults from 5 to 1000.
    allItems(paginateDescribeClientVpnEndpoints({ client: ctx.client(EC2Client) }, { MaxResults: 1000 }), (p) =>
      requireElement(p.ClientVpnEndpoints, 'DescribeClientVpnEndpoints', 'clientVpnEndpoint')),
  row: (e, ctx) => ({
    arn: ec2Arn(ctx, 'client-vpn-endpoint', e.ClientVpnEndpointId),
    client_vpn_endpoint_id: e.ClientVpnEndpointId ?? null,
    description: e.Description || null,
    status: e.Status?.Code ?? null,
    vpc_id: e.VpcId || null,
    connection_log_enabled: e.ConnectionLogOptions?.Enabled ?? null,
    connection_log_group: e.ConnectionLogOptions?.CloudwatchLogGroup || null,
    connection_log_stream: e.ConnectionLogOptions?.CloudwatchLogStream || null,
    tags: tagMap(e.Tags),
  }),
});
