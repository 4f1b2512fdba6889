import { DAXClient, DescribeClustersCommand, type DescribeClustersCommandOutput } from '@aws-sdk/client-dax';
import { awsDaxClusters } from '../../schema/dax.js';
import type { Collector } from '../types.js';

/**
 * DescribeClusters returns every cluster with its encryption settings, so there is no per-cluster call. The SDK
 * has no paginator for it, so NextToken is followed here. A region where the call fails (DAX is not offered in
 * every region) is recorded as a sync error like any other failure: the DAX checks then say ERROR, not PASS.
 */
export const daxClustersCollector: Collector = {
  service: 'dax',
  name: 'clusters',
  scope: 'regional',
  tables: [awsDaxClusters],
  async collect(ctx) {
    const client = ctx.client(DAXClient);
    const clusters: NonNullable<DescribeClustersCommandOutput['Clusters']> = [];
    let token: string | undefined;
    do {
      const page: DescribeClustersCommandOutput = await client.send(new DescribeClustersCommand({ NextToken: token, MaxResults: 100 }));
      clusters.push(...(page.Clusters ?? []));
      token = page.NextToken;
    } while (token);
    const rows = clusters.map((c) => ({
      arn: c.ClusterArn ?? `arn:${ctx.partition}:dax:${ctx.region}:${ctx.accountId}:cache/${c.ClusterName}`,
      name: c.ClusterName ?? null,
      status: c.Status ?? null,
      node_type: c.NodeType ?? null,
      total_nodes: c.TotalNodes ?? null,
      sse_status: c.SSEDescription?.Status ?? null,
      endpoint_encryption_type: c.ClusterEndpointEncryptionType ?? null,
      subnet_group: c.SubnetGroup ?? null,
      raw: c,
    }));
    return { [awsDaxClusters.name]: rows };
  },
};

