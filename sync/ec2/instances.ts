import { EC2Client, paginateDescribeInstances, type Instance } from '@aws-sdk/client-ec2';
import { awsEc2Instances } from '../../schema/ec2.js';
import { allItems, ec2Arn, listCollector, tagMap } from './shared.js';
import { stoppedAt } from './stop-time.js';

export const instancesCollector = listCollector<Instance>({
  name: 'instances',
  table: awsEc2Instances,
  list: (ctx) =>
    allItems(paginateDescribeInstances({ client: ctx.client(EC2Client) }, {}), (p) => (p.Reservations ?? []).flatMap((r) => r.Instances ?? [])),
  row: (i, ctx) => ({
    arn: ec2Arn(ctx, 'instance', i.InstanceId),
    instance_id: i.InstanceId ?? null,
    instance_type: i.InstanceType ?? null,
    state: i.State?.Name ?? null,
    state_transition_reason: i.StateTransitionReason ?? null,
    stopped_at: stoppedAt(i.State?.Name, i.StateTransitionReason),
    vpc_id: i.VpcId ?? null,
    subnet_id: i.SubnetId ?? null,
    image_id: i.ImageId ?? null,
    launch_time: i.LaunchTime ?? null,
    private_ip_address: i.PrivateIpAddress ?? null,
    public_ip_address: i.PublicIpAddress ?? null,
    iam_instance_profile_arn: i.IamInstanceProfile?.Arn ?? null,
    security_group_ids: (i.SecurityGroups ?? []).map((g) => g.GroupId).filter((g): g is string => !!g),
    metadata_http_tokens: i.MetadataOptions?.HttpTokens ?? null,
    metadata_http_endpoint: i.MetadataOptions?.HttpEndpoint ?? null,
    metadata_http_put_response_hop_limit: i.MetadataOptions?.HttpPutResponseHopLimit ?? null,
    virtualization_type: i.VirtualizationType ?? null,
    // NULL when AWS sent no list (unknown), never an empty list that would read as "no interface".
    network_interface_ids: i.NetworkInterfaces ? i.NetworkInterfaces.map((n) => n.NetworkInterfaceId ?? '') : null,
    tags: tagMap(i.Tags),
  }),
});
