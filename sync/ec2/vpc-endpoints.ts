import { EC2Client, paginateDescribeVpcEndpoints, type VpcEndpoint } from '@aws-sdk/client-ec2';
import { awsEc2VpcEndpoints } from '../../schema/ec2-vpc-endpoints.js';
import { allItems, ec2Arn, listCollector, tagMap } from './shared.js';

/** DescribeVpcEndpoints pages every endpoint with its type, route tables and policy: no per-item calls. */
export const vpcEndpointsCollector = listCollector<VpcEndpoint>({
  name: 'vpc-endpoints',
  table: awsEc2VpcEndpoints,
  list: (ctx) => allItems(paginateDescribeVpcEndpoints({ client: ctx.client(EC2Client) }, {}), (p) => p.VpcEndpoints),
  row: (e, ctx) => ({
    arn: ec2Arn(ctx, 'vpc-endpoint', e.VpcEndpointId, e.OwnerId ?? ctx.accountId),
    vpc_endpoint_id: e.VpcEndpointId ?? null,
    vpc_id: e.VpcId ?? null,
    service_name: e.ServiceName ?? null,
    vpc_endpoint_type: e.VpcEndpointType ?? null,
    state: e.State ?? null,
    route_table_ids: e.RouteTableIds ?? [],
    subnet_ids: e.SubnetIds ?? [],
    private_dns_enabled: e.PrivateDnsEnabled ?? null,
    policy: parseDocument(e.PolicyDocument),
    owner_id: e.OwnerId ?? null,
    tags: tagMap(e.Tags),
  }),
});

/** The policy comes as JSON text (moto sometimes URL-encodes it); kept as text when it is neither. */
function parseDocument(text: string | undefined): unknown {
  if (!text) return null;
  const decoded = text.trimStart().startsWith('{') ? text : decodeURIComponent(text);
  try {
    return JSON.parse(decoded);
  } catch {
    // Not JSON: keep AWS's text as a JSON string rather than lose it; no check reads this column's structure.
    return JSON.stringify(decoded);
  }
}
