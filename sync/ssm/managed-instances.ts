import { paginateDescribeInstanceInformation, SSMClient } from '@aws-sdk/client-ssm';
import { awsSsmManagedInstances } from '../../schema/ssm.js';
import { allItems } from '../ec2/shared.js';
import type { Collector } from '../types.js';
import { nodeArn } from './node-arn.js';

const table = awsSsmManagedInstances.name;

/**
 * DescribeInstanceInformation pages every node Systems Manager knows in the region (EC2 and hybrid) with its
 * agent's ping status: the one list call FSBP SSM.1 needs, no call per instance. An instance missing here is
 * not managed; the check joins this table to aws_ec2_instances.
 */
export const managedInstancesCollector: Collector = {
  service: 'ssm',
  name: 'managed-instances',
  scope: 'regional',
  tables: [awsSsmManagedInstances],
  async collect(ctx) {
    const client = ctx.client(SSMClient);
    const items = await allItems(paginateDescribeInstanceInformation({ client }, { MaxResults: 50 }), (p) => p.InstanceInformationList);
    return {
      [table]: items.map((i) => ({
        arn: nodeArn(ctx, i.InstanceId ?? ''),
        instance_id: i.InstanceId ?? null,
        resource_type: i.ResourceType ?? null,
        ping_status: i.PingStatus ?? null,
        last_ping_date_time: i.LastPingDateTime ?? null,
        agent_version: i.AgentVersion ?? null,
        is_latest_version: i.IsLatestVersion ?? null,
        platform_type: i.PlatformType ?? null,
        platform_name: i.PlatformName ?? null,
        association_status: i.AssociationStatus ?? null,
        computer_name: i.ComputerName ?? null,
        raw: i,
      })),
    };
  },
};
