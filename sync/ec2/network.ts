import {
  EC2Client,
  paginateDescribeNetworkInterfaces,
  paginateDescribeRouteTables,
  paginateDescribeSubnets,
  paginateDescribeVpcPeeringConnections,
  paginateDescribeVpcs,
  type NetworkInterface,
  type RouteTable,
  type Subnet,
  type Vpc,
  type VpcPeeringConnection,
} from '@aws-sdk/client-ec2';
import { awsEc2NetworkInterfaces, awsEc2RouteTables, awsEc2Subnets, awsEc2VpcPeeringConnections, awsEc2Vpcs } from '../../schema/ec2.js';
import { allItems, ec2Arn, listCollector, tagMap } from './shared.js';

const ids = (values: Array<string | undefined>): string[] => values.filter((v): v is string => !!v);

export const vpcsCollector = listCollector<Vpc>({
  name: 'vpcs',
  table: awsEc2Vpcs,
  list: (ctx) => allItems(paginateDescribeVpcs({ client: ctx.client(EC2Client) }, {}), (p) => p.Vpcs),
  row: (v, ctx) => ({
    arn: ec2Arn(ctx, 'vpc', v.VpcId, v.OwnerId),
    vpc_id: v.VpcId ?? null,
    cidr_block: v.CidrBlock ?? null,
    ipv6_cidr_blocks: ids((v.Ipv6CidrBlockAssociationSet ?? []).map((a) => a.Ipv6CidrBlock)),
    is_default: v.IsDefault ?? false,
    state: v.State ?? null,
    owner_id: v.OwnerId ?? null,
    instance_tenancy: v.InstanceTenancy ?? null,
    dhcp_options_id: v.DhcpOptionsId ?? null,
    tags: tagMap(v.Tags),
  }),
});

export const subnetsCollector = listCollector<Subnet>({
  name: 'subnets',
  table: awsEc2Subnets,
  list: (ctx) => allItems(paginateDescribeSubnets({ client: ctx.client(EC2Client) }, {}), (p) => p.Subnets),
  row: (s, ctx) => ({
    arn: s.SubnetArn ?? ec2Arn(ctx, 'subnet', s.SubnetId, s.OwnerId),
    subnet_id: s.SubnetId ?? null,
    vpc_id: s.VpcId ?? null,
    cidr_block: s.CidrBlock ?? null,
    ipv6_cidr_blocks: ids((s.Ipv6CidrBlockAssociationSet ?? []).map((a) => a.Ipv6CidrBlock)),
    availability_zone: s.AvailabilityZone ?? null,
    default_for_az: s.DefaultForAz ?? false,
    map_public_ip_on_launch: s.MapPublicIpOnLaunch ?? false,
    available_ip_address_count: s.AvailableIpAddressCount ?? null,
    state: s.State ?? null,
    tags: tagMap(s.Tags),
  }),
});

export const routeTablesCollector = listCollector<RouteTable>({
  name: 'route-tables',
  table: awsEc2RouteTables,
  list: (ctx) => allItems(paginateDescribeRouteTables({ client: ctx.client(EC2Client) }, {}), (p) => p.RouteTables),
  row: (t, ctx) => ({
    arn: ec2Arn(ctx, 'route-table', t.RouteTableId, t.OwnerId),
    route_table_id: t.RouteTableId ?? null,
    vpc_id: t.VpcId ?? null,
    is_main: (t.Associations ?? []).some((a) => a.Main === true),
    subnet_ids: ids((t.Associations ?? []).map((a) => a.SubnetId)),
    routes: t.Routes ?? [],
    owner_id: t.OwnerId ?? null,
    tags: tagMap(t.Tags),
  }),
});

export const vpcPeeringConnectionsCollector = listCollector<VpcPeeringConnection>({
  name: 'vpc-peering-connections',
  table: awsEc2VpcPeeringConnections,
  list: (ctx) => allItems(paginateDescribeVpcPeeringConnections({ client: ctx.client(EC2Client) }, {}), (p) => p.VpcPeeringConnections),
  row: (c, ctx) => ({
    arn: ec2Arn(ctx, 'vpc-peering-connection', c.VpcPeeringConnectionId),
    vpc_peering_connection_id: c.VpcPeeringConnectionId ?? null,
    status_code: c.Status?.Code ?? null,
    requester_vpc_id: c.RequesterVpcInfo?.VpcId ?? null,
    requester_owner_id: c.RequesterVpcInfo?.OwnerId ?? null,
    requester_region: c.RequesterVpcInfo?.Region ?? null,
    requester_cidr_block: c.RequesterVpcInfo?.CidrBlock ?? null,
    accepter_vpc_id: c.AccepterVpcInfo?.VpcId ?? null,
    accepter_owner_id: c.AccepterVpcInfo?.OwnerId ?? null,
    accepter_region: c.AccepterVpcInfo?.Region ?? null,
    accepter_cidr_block: c.AccepterVpcInfo?.CidrBlock ?? null,
    expiration_time: c.ExpirationTime ?? null,
    tags: tagMap(c.Tags),
  }),
});

export const networkInterfacesCollector = listCollector<NetworkInterface>({
  name: 'network-interfaces',
  table: awsEc2NetworkInterfaces,
  list: (ctx) => allItems(paginateDescribeNetworkInterfaces({ client: ctx.client(EC2Client) }, {}), (p) => p.NetworkInterfaces),
  row: (n, ctx) => ({
    arn: ec2Arn(ctx, 'network-interface', n.NetworkInterfaceId, n.OwnerId),
    network_interface_id: n.NetworkInterfaceId ?? null,
    interface_type: n.InterfaceType ?? null,
    status: n.Status ?? null,
    vpc_id: n.VpcId ?? null,
    subnet_id: n.SubnetId ?? null,
    availability_zone: n.AvailabilityZone ?? null,
    private_ip_address: n.PrivateIpAddress ?? null,
    public_ip: n.Association?.PublicIp ?? null,
    attached_instance_id: n.Attachment?.InstanceId ?? null,
    security_group_ids: ids((n.Groups ?? []).map((g) => g.GroupId)),
    requester_managed: n.RequesterManaged ?? false,
    description: n.Description ?? null,
    tags: tagMap(n.TagSet),
  }),
});
