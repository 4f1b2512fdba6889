import { DescribeClusterCommand, EMRClient, paginateListClusters, paginateListInstances, type ClusterSummary } from '@aws-sdk/client-emr';
import type { Row } from '../../schema/db.js';
import { awsEmrClusters } from '../../schema/emr.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsEmrClusters.name;
/** Terminated clusters have no nodes: the controls judge clusters that run. */
const active = ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING'] as const;
const liveInstance = ['AWAITING_FULFILLMENT', 'PROVISIONING', 'BOOTSTRAPPING', 'RUNNING'] as const;

/**
 * ListClusters answers ids and states; DescribeCluster (release, subnet, collection type) has no batch form, and
 * the primary node's public IP is only in ListInstances (filtered to the MASTER group or fleet).
 */
export const clustersCollector: Collector = {
  service: 'emr',
  name: 'clusters',
  scope: 'regional',
  tables: [awsEmrClusters],
  async collect(ctx) {
    const client = ctx.client(EMRClient);
    const summaries: ClusterSummary[] = [];
    for await (const page of paginateListClusters({ client }, { ClusterStates: [...active] })) summaries.push(...(page.Clusters ?? []));
    const rows = await ctx.map(summaries, (s) => clusterRow(ctx, client, s));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function clusterRow(ctx: SyncContext, client: EMRClient, s: ClusterSummary): Promise<Row | null> {
  const base = { arn: s.ClusterArn!, id: s.Id ?? null, name: s.Name ?? null, state: s.Status?.State ?? null };
  try {
    const c = (await client.send(new DescribeClusterCommand({ ClusterId: s.Id! }))).Cluster;
    const fleet = c?.InstanceCollectionType === 'INSTANCE_FLEET';
    const ips: string[] = [];
    const filter = fleet ? { InstanceFleetType: 'MASTER' as const } : { InstanceGroupTypes: ['MASTER' as const] };
    for await (const page of paginateListInstances({ client }, { ClusterId: s.Id!, InstanceStates: [...liveInstance], ...filter })) {
      for (const i of page.Instances ?? []) if (i.PublicIpAddress) ips.push(i.PublicIpAddress);
    }
    return {
      ...base,
      state: c?.Status?.State ?? base.state,
      release_label: c?.ReleaseLabel ?? null,
      instance_collection_type: c?.InstanceCollectionType ?? null,
      subnet_id: c?.Ec2InstanceAttributes?.Ec2SubnetId ?? null,
      master_public_dns_name: c?.MasterPublicDnsName ?? null,
      master_public_ips: ips.sort(),
      security_configuration: c?.SecurityConfiguration ?? null,
      raw: c ?? s,
    };
  } catch (error) {
    // Gone between ListClusters and this call: no row. Otherwise the row stays, its primary node unknown (NULL).
    if (isAwsError(error, 'ResourceNotFoundException')) return null;
    ctx.itemError(error, { operation: 'DescribeCluster/ListInstances', table, resourceId: s.ClusterArn });
    return { ...base, raw: s };
  }
}
