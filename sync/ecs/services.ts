import { DescribeServicesCommand, ECSClient, paginateListServices, type Service } from '@aws-sdk/client-ecs';
import type { Row } from '../../schema/db.js';
import { awsEcsServices } from '../../schema/ecs.js';
import type { Collector, SyncContext } from '../types.js';
import { batches, listClusterArns, recordFailures } from './list.js';

const table = awsEcsServices.name;
/** DescribeServices takes at most 10 services a call. */
const describeBatch = 10;

/**
 * Services live in clusters: ECS has no region-wide service list, so ListServices runs once per cluster and
 * DescribeServices describes its services 10 a call (a cluster without services costs no describe call).
 */
export const servicesCollector: Collector = {
  service: 'ecs',
  name: 'services',
  scope: 'regional',
  tables: [awsEcsServices],
  async collect(ctx) {
    const client = ctx.client(ECSClient);
    const clusters = await listClusterArns(client);
    const perCluster = await ctx.map(clusters, (cluster) => clusterServices(ctx, client, cluster));
    return { [table]: perCluster.flat() };
  },
};

async function clusterServices(ctx: SyncContext, client: ECSClient, cluster: string): Promise<Row[]> {
  const arns: string[] = [];
  for await (const page of paginateListServices({ client }, { cluster, maxResults: 100 })) arns.push(...(page.serviceArns ?? []));
  const rows: Row[] = [];
  for (const batch of batches(arns, describeBatch)) {
    const res = await client.send(new DescribeServicesCommand({ cluster, services: batch }));
    recordFailures(ctx, res.failures, { operation: 'DescribeServices', table });
    rows.push(...(res.services ?? []).map((s) => serviceRow(s, cluster)));
  }
  return rows;
}

function serviceRow(s: Service, cluster: string): Row {
  return {
    arn: s.serviceArn ?? null,
    name: s.serviceName ?? null,
    cluster_arn: s.clusterArn ?? cluster,
    status: s.status ?? null,
    launch_type: s.launchType ?? null,
    platform_version: s.platformVersion ?? null,
    platform_family: s.platformFamily ?? null,
    capacity_providers: (s.capacityProviderStrategy ?? []).flatMap((c) => (c.capacityProvider ? [c.capacityProvider] : [])),
    task_definition: s.taskDefinition ?? null,
    assign_public_ip: s.networkConfiguration?.awsvpcConfiguration?.assignPublicIp ?? null,
    raw: s,
  };
}
