import { DescribeDBClusterSnapshotAttributesCommand, paginateDescribeDBClusterSnapshots, RDSClient, type DBClusterSnapshot } from '@aws-sdk/client-rds';
import type { Row } from '../../schema/db.js';
import { awsRdsDbClusterSnapshots } from '../../schema/rds-snapshots.js';
import { allItems, tagMap } from '../ec2/shared.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { needsAttributes, sharingOf, unshared, type Sharing } from './snapshot-sharing.js';

const table = awsRdsDbClusterSnapshots.name;

/**
 * DescribeDBClusterSnapshots pages the account's own cluster snapshots (Aurora, Neptune and DocumentDB; automated
 * and manual) with their encryption; who may restore one is only in DescribeDBClusterSnapshotAttributes (per
 * snapshot), called for the snapshots AWS lets be shared.
 */
export const dbClusterSnapshotsCollector: Collector = {
  service: 'rds',
  name: 'db-cluster-snapshots',
  scope: 'regional',
  tables: [awsRdsDbClusterSnapshots],
  async collect(ctx) {
    const client = ctx.client(RDSClient);
    const items = await allItems(paginateDescribeDBClusterSnapshots({ client }, { MaxRecords: 100 }), (p) => p.DBClusterSnapshots);
    const rows = await ctx.map(items, (s) => snapshotRow(ctx, client, s));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function snapshotRow(ctx: SyncContext, client: RDSClient, s: DBClusterSnapshot): Promise<Row | null> {
  const arn = s.DBClusterSnapshotArn ?? `arn:${ctx.partition}:rds:${ctx.region}:${ctx.accountId}:cluster-snapshot:${s.DBClusterSnapshotIdentifier}`;
  let sharing: Sharing = unshared;
  if (needsAttributes(s.SnapshotType)) {
    try {
      const out = await client.send(new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: s.DBClusterSnapshotIdentifier }));
      sharing = sharingOf(out.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes);
    } catch (error) {
      if (isAwsError(error, 'DBClusterSnapshotNotFoundFault')) return null; // deleted since the list
      ctx.itemError(error, { operation: 'DescribeDBClusterSnapshotAttributes', table, resourceId: arn });
      sharing = { restore_accounts: null, public: null };
    }
  }
  return {
    arn,
    db_cluster_snapshot_identifier: s.DBClusterSnapshotIdentifier ?? null,
    db_cluster_identifier: s.DBClusterIdentifier ?? null,
    engine: s.Engine ?? null,
    snapshot_type: s.SnapshotType ?? null,
    status: s.Status ?? null,
    storage_encrypted: s.StorageEncrypted ?? null,
    kms_key_id: s.KmsKeyId ?? null,
    snapshot_create_time: s.SnapshotCreateTime ?? null,
    ...sharing,
    tags: tagMap(s.TagList),
    raw: s,
  };
}
