import { DescribeAddressesCommand, EC2Client, type Address } from '@aws-sdk/client-ec2';
import { awsEc2ElasticIps } from '../../schema/ec2-elastic-ips.js';
import { ec2Arn, listCollector, requireElement, tagMap } from './shared.js';

/** DescribeAddresses answers every address of the region in one call (AWS does not page it). */
export const elasticIpsCollector = listCollector<Address>({
  name: 'elastic-ips',
  table: awsEc2ElasticIps,
  list: async (ctx) => requireElement((await ctx.client(EC2Client).send(new DescribeAddressesCommand({}))).Addresses, 'DescribeAddresses', 'addressesSet'),
  row: (a, ctx) => ({
    arn: ec2Arn(ctx, 'elastic-ip', a.AllocationId ?? a.PublicIp),
    allocation_id: a.AllocationId ?? null,
    public_ip: a.PublicIp ?? null,
    // Empty strings (moto writes them for an idle address) mean none, as an absent element does.
    association_id: a.AssociationId || null,
    instance_id: a.InstanceId || null,
    network_interface_id: a.NetworkInterfaceId || null,
    domain: a.Domain ?? null,
    tags: tagMap(a.Tags),
  }),
});
