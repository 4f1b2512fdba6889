import { DescribeLoggingStatusCommand, RedshiftClient, type Cluster, type DescribeLoggingStatusCommandOutput } from '@aws-sdk/client-redshift';
import type { Row } from '../../schema/db.js';
import { awsRedshiftClusters } from '../../schema/redshift.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { clusterArn, listClusters } from './list.js';

const table = awsRedshiftClusters.name;

/**
 * DescribeClusters pages the clusters with their settings; whether audit logging is on is only in
 * DescribeLoggingStatus, one cluster a call (AWS has no list form).
 */
export const clustersCollector: Collector = {
  service: 'redshift',
  name: 'clusters',
  scope: 'regional',
  tables: [awsRedshiftClusters],
  async collect(ctx) {
    const client = ctx.client(RedshiftClient);
    const clusters = (await listClusters(client)).filter((c) => c.ClusterIdentifier);
    const rows = await ctx.map(clusters, (c) => clusterRow(ctx, client, c));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function clusterRow(ctx: SyncContext, client: RedshiftClient, c: Cluster): Promise<Row | null> {
  const identifier = c.ClusterIdentifier!;
  const arn = clusterArn(ctx, identifier);
  let logging: DescribeLoggingStatusCommandOutput | undefined;
  try {
    logging = await client.send(new DescribeLoggingStatusCommand({ ClusterIdentifier: identifier }));
  } catch (error) {
    // Deleted since DescribeClusters: it no longer exists, so it has no row.
    if (isAwsError(error, 'ClusterNotFound')) return null;
    ctx.itemError(error, { operation: 'DescribeLoggingStatus', table, resourceId: arn });
  }
  const { $metadata: _meta, ...loggingStatus } = logging ?? { $metadata: {} };
  return {
    arn,
    identifier,
    status: c.ClusterStatus ?? null,
    node_type: c.NodeType ?? null,
    publicly_accessible: c.PubliclyAccessible ?? null,
    encrypted: c.Encrypted ?? null,
    kms_key_id: c.KmsKeyId ?? null,
    enhanced_vpc_routing: c.EnhancedVpcRouting ?? null,
    allow_version_upgrade: c.AllowVersionUpgrade ?? null,
    automated_snapshot_retention_period: c.AutomatedSnapshotRetentionPeriod ?? null,
    master_username: c.MasterUsername ?? null,
    db_name: c.DBName ?? null,
    port: c.Endpoint?.Port ?? null,
    vpc_id: c.VpcId ?? null,
    parameter_group_names: (c.ClusterParameterGroups ?? []).map((g) => g.ParameterGroupName ?? '').filter(Boolean),
    logging_enabled: logging?.LoggingEnabled ?? null,
    log_destination_type: logging?.LogDestinationType || null,
    log_bucket: logging?.BucketName || null,
    raw: { ...c, LoggingStatus: logging ? loggingStatus : null },
  };
}
