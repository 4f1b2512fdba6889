import { DescribeClusterCommand, EKSClient, paginateListClusters, type Cluster } from '@aws-sdk/client-eks';
import type { Row } from '../../schema/db.js';
import { awsEksClusters } from '../../schema/eks.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsEksClusters.name;

/** ListClusters gives only names; DescribeCluster (endpoint access, encryption, logging) has no list form. */
export const clustersCollector: Collector = {
  service: 'eks',
  name: 'clusters',
  scope: 'regional',
  tables: [awsEksClusters],
  async collect(ctx) {
    const client = ctx.client(EKSClient);
    const names: string[] = [];
    for await (const page of paginateListClusters({ client }, { maxResults: 100 })) names.push(...(page.clusters ?? []));
    const rows = await ctx.map(names, (name) => clusterRow(ctx, client, name));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function clusterRow(ctx: SyncContext, client: EKSClient, name: string): Promise<Row | null> {
  const fallbackArn = `arn:${ctx.partition}:eks:${ctx.region}:${ctx.accountId}:cluster/${name}`;
  let c: Cluster | undefined;
  try {
    c = (await client.send(new DescribeClusterCommand({ name }))).cluster;
  } catch (error) {
    // Deleted between ListClusters and this call: it no longer exists, so it has no row.
    if (isAwsError(error, 'ResourceNotFoundException')) return null;
    ctx.itemError(error, { operation: 'DescribeCluster', table, resourceId: fallbackArn });
    return { arn: fallbackArn, name, raw: { name } };
  }
  const secrets = (c?.encryptionConfig ?? []).find((e) => e.resources?.includes('secrets'));
  const logTypes = (c?.logging?.clusterLogging ?? []).filter((l) => l.enabled).flatMap((l) => l.types ?? []);
  return {
    arn: c?.arn ?? fallbackArn,
    name,
    version: c?.version ?? null,
    platform_version: c?.platformVersion ?? null,
    status: c?.status ?? null,
    endpoint_public_access: c?.resourcesVpcConfig?.endpointPublicAccess ?? null,
    endpoint_private_access: c?.resourcesVpcConfig?.endpointPrivateAccess ?? null,
    public_access_cidrs: c?.resourcesVpcConfig?.publicAccessCidrs ?? null,
    secrets_encryption_key_arn: secrets?.provider?.keyArn ?? null,
    enabled_log_types: [...new Set(logTypes)].sort(),
    created_at: c?.createdAt ?? null,
    raw: c ?? { name },
  };
}
