import { paginateDescribeDBParameters, RDSClient } from '@aws-sdk/client-rds';
import type { Row } from '../../schema/db.js';
import { awsRdsDbParameterGroups } from '../../schema/rds.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { dbInstances } from './db-instances.js';

const table = awsRdsDbParameterGroups.name;

/**
 * Whether an instance requires TLS is a parameter of its DB parameter group (rds.force_ssl, require_secure_transport),
 * which only DescribeDBParameters answers, one group a call (paged). Instances share groups, so each group the
 * instances use is read once; groups no instance uses are not read.
 */
export const dbParameterGroupsCollector: Collector = {
  service: 'rds',
  name: 'db-parameter-groups',
  scope: 'regional',
  tables: [awsRdsDbParameterGroups],
  async collect(ctx) {
    const client = ctx.client(RDSClient);
    const instances = await dbInstances(ctx);
    const names = [...new Set(instances.flatMap((d) => (d.DBParameterGroups ?? []).map((g) => g.DBParameterGroupName ?? '')).filter(Boolean))].sort();
    const rows = await ctx.map(names, (name) => groupRow(ctx, client, name));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function groupRow(ctx: SyncContext, client: RDSClient, name: string): Promise<Row | null> {
  const arn = `arn:${ctx.partition}:rds:${ctx.region}:${ctx.accountId}:pg:${name}`;
  const parameters: Record<string, string> = {};
  try {
    for await (const page of paginateDescribeDBParameters({ client }, { DBParameterGroupName: name, MaxRecords: 100 })) {
      for (const p of page.Parameters ?? []) if (p.ParameterName && p.ParameterValue !== undefined) parameters[p.ParameterName] = p.ParameterValue;
    }
  } catch (error) {
    // Deleted since DescribeDBInstances: no row, and the checks fail its instances as not read (fail closed).
    if (isAwsError(error, 'DBParameterGroupNotFound', 'DBParameterGroupNotFoundFault')) return null;
    ctx.itemError(error, { operation: 'DescribeDBParameters', table, resourceId: arn });
    return { arn, name, raw: { name } };
  }
  // RDS writes these booleans as 1/0 (MySQL also accepts ON/OFF); a parameter without a value stays unknown.
  const flag = (key: string) => (key in parameters ? ['1', 'on', 'true'].includes(parameters[key]!.trim().toLowerCase()) : null);
  return { arn, name, force_ssl: flag('rds.force_ssl'), require_secure_transport: flag('require_secure_transport'), parameters, raw: { name, parameters } };
}
