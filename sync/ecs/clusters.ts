import { DescribeClustersCommand, ECSClient, type Cluster } from '@aws-sdk/client-ecs';
import { awsEcsClusters } from '../../schema/ecs.js';
import type { Collector } from '../types.js';
import { batches, listClusterArns, recordFailures } from './list.js';

/** DescribeClusters takes at most 100 clusters a call. */
const describeBatch = 100;

/**
 * ListClusters gives ARNs; DescribeClusters describes 100 a call, with SETTINGS asked for (AWS leaves the
 * containerInsights setting out otherwise). A cluster AWS reports as a failure (deleted between the calls) has no row.
 */
export const clustersCollector: Collector = {
  service: 'ecs',
  name: 'clusters',
  scope: 'regional',
  tables: [awsEcsClusters],
  async collect(ctx) {
    const client = ctx.client(ECSClient);
    const arns = await listClusterArns(client);
    const described = await ctx.map(batches(arns, describeBatch), async (batch) => {
      const res = await client.send(new DescribeClustersCommand({ clusters: batch, include: ['SETTINGS'] }));
      recordFailures(ctx, res.failures, { operation: 'DescribeClusters', table: awsEcsClusters.name });
      return res.clusters ?? [];
    });
    const rows = described.flat().map((c: Cluster) => ({
      arn: c.clusterArn ?? `arn:${ctx.partition}:ecs:${ctx.region}:${ctx.accountId}:cluster/${c.clusterName}`,
      name: c.clusterName ?? null,
      status: c.status ?? null,
      container_insights: c.settings?.find((s) => s.name === 'containerInsights')?.value ?? null,
      raw: c,
    }));
    return { [awsEcsClusters.name]: rows };
  },
};
