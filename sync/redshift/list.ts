import { paginateDescribeClusters, type Cluster, type RedshiftClient } from '@aws-sdk/client-redshift';
import type { SyncContext } from '../types.js';

/** Every provisioned cluster of the region, 100 a page (the most DescribeClusters returns). */
export async function listClusters(client: RedshiftClient): Promise<Cluster[]> {
  const out: Cluster[] = [];
  for await (const page of paginateDescribeClusters({ client }, { MaxRecords: 100 })) out.push(...(page.Clusters ?? []));
  return out;
}

/** DescribeClusters carries no cluster ARN; this is the one IAM and tagging use. */
export function clusterArn(ctx: SyncContext, identifier: string): string {
  return `arn:${ctx.partition}:redshift:${ctx.region}:${ctx.accountId}:cluster:${identifier}`;
}
