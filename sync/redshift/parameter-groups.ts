import { paginateDescribeClusterParameters, RedshiftClient } from '@aws-sdk/client-redshift';
import type { Row } from '../../schema/db.js';
import { awsRedshiftParameterGroups } from '../../schema/redshift.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { listClusters } from './list.js';

const table = awsRedshiftParameterGroups.name;

/**
 * Whether a cluster requires TLS is its parameter group's require_ssl, which only DescribeClusterParameters
 * answers, one group a call. Clusters share groups, so each group the clusters use is read once.
 */
export const parameterGroupsCollector: Collector = {
  service: 'redshift',
  name: 'parameter-groups',
  scope: 'regional',
  tables: [awsRedshiftParameterGroups],
  async collect(ctx) {
    const client = ctx.client(RedshiftClient);
    const clusters = await listClusters(client);
    const names = [...new Set(clusters.flatMap((c) => (c.ClusterParameterGroups ?? []).map((g) => g.ParameterGroupName ?? '')).filter(Boolean))].sort();
    const rows = await ctx.map(names, (name) => groupRow(ctx, client, name));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function groupRow(ctx: SyncContext, client: RedshiftClient, name: string): Promise<Row | null> {
  const arn = `arn:${ctx.partition}:redshift:${ctx.region}:${ctx.accountId}:parametergroup:${name}`;
  const parameters: Record<string, string> = {};
  try {
    for await (const page of paginateDescribeClusterParameters({ client }, { ParameterGroupName: name, MaxRecords: 100 })) {
      for (const p of page.Parameters ?? []) if (p.ParameterName) parameters[p.ParameterName] = p.ParameterValue ?? '';
    }
  } catch (error) {
    // Deleted since DescribeClusters (its cluster went with it): nothing to judge.
    if (isAwsError(error, 'ClusterParameterGroupNotFound')) return null;
    ctx.itemError(error, { operation: 'DescribeClusterParameters', table, resourceId: arn });
    return { arn, name, raw: { name } };
  }
  // Redshift reports booleans as the text true/false; a parameter the group does not report stays unknown.
  const flag = (key: string) => (key in parameters ? parameters[key]!.toLowerCase() === 'true' : null);
  return {
    arn,
    name,
    require_ssl: flag('require_ssl'),
    enable_user_activity_logging: flag('enable_user_activity_logging'),
    parameters,
    raw: { name, parameters },
  };
}
