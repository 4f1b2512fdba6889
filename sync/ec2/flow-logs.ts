import { EC2Client, paginateDescribeFlowLogs, type FlowLog } from '@aws-sdk/client-ec2';
import { awsEc2FlowLogs } from '../../schema/ec2.js';
import { allItems, ec2Arn, listCollector, tagMap } from './shared.js';

export const flowLogsCollector = listCollector<FlowLog>({
  name: 'flow-logs',
  table: awsEc2FlowLogs,
  list: (ctx) => allItems(paginateDescribeFlowLogs({ client: ctx.client(EC2Client) }, {}), (p) => p.FlowLogs),
  row: (f, ctx) => ({
    arn: ec2Arn(ctx, 'vpc-flow-log', f.FlowLogId),
    flow_log_id: f.FlowLogId ?? null,
    resource_id: f.ResourceId ?? null,
    resource_type: resourceTypeOf(f.ResourceId),
    status: f.FlowLogStatus ?? null,
    deliver_logs_status: f.DeliverLogsStatus ?? null,
    deliver_logs_error_message: f.DeliverLogsErrorMessage ?? null,
    traffic_type: f.TrafficType ?? null,
    log_destination_type: f.LogDestinationType ?? null,
    log_destination: f.LogDestination ?? null,
    log_group_name: f.LogGroupName ?? null,
    creation_time: f.CreationTime ?? null,
    tags: tagMap(f.Tags),
  }),
});

/** DescribeFlowLogs does not say what a flow log is attached to, but the id's prefix does. */
function resourceTypeOf(id: string | undefined): string | null {
  if (id?.startsWith('vpc-')) return 'VPC';
  if (id?.startsWith('subnet-')) return 'Subnet';
  if (id?.startsWith('eni-')) return 'NetworkInterface';
  if (id?.startsWith('tgw-attach-')) return 'TransitGatewayAttachment';
  if (id?.startsWith('tgw-')) return 'TransitGateway';
  return null;
}
