import { DescribeDBSnapshotAttributesCommand, paginateDescribeDBSnapshots, RDSClient, type DBSnapshot } from '@aws-sdk/client-rds';
import type { Row } from '../../schema/db.js';
import { awsRdsDbSnapshots } from '../../schema/rds-snapshots.js';
import { allItems, tagMap } from '../ec2/shared.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { needsAttributes, sharingOf, unshared, type Sharing } from './snapshot-sharing.js';

const table = awsRdsDbSnapshots.name;

/**
 * DescribeDBSnapshots pages the account's own snapshots (automated and manual) with their encryption; who may
 * restore one is only in DescribeDBSnapshotAttributes (per snapshot), called for the snapshots AWS lets be shared.
 */
export const dbSnapshotsCollector: Collector = {
  service: 'rds',
  name: 'db-snapshots',
  scope: 'regional',
  tables: [awsRdsDbSnapshots],
  async collect(ctx) {
    const client = ctx.client(RDSClient);
    const items = await allItems(paginateDescribeDBSnapshots({ client }, { MaxRecords: 100 }), (p) => p.DBSnapshots);
    const rows = await ctx.map(items, (s) => snapshotRow(ctx, client, s));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function snapshotRow(ctx: SyncContext, client: RDSClient, s: DBSnapshot): Promise<Row | null> {
  const arn = s.DBSnapshotArn ?? `arn:${ctx.partition}:rds:${ctx.region}:${ctx.accountId}:snapshot:${s.DBSnapshotIdentifier}`;
  let sharing: Sharing = unshared;
  if (needsAttributes(s.SnapshotType)) {
    try {
      const out = await client.send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: s.DBSnapshotIdentifier }));
      sharing = sharingOf(out.DBSnapshotAttributesResult?.DBSnapshotAttributes);
    } catch (error) {
      if (isAwsError(error, 'DBSnapshotNotFound', 'DBSnapshotNotFoundFault')) return null; // deleted since the list
      ctx.itemError(error, { operation: 'DescribeDBSnapshotAttributes', table, resourceId: arn });
      sharing = { restore_accounts: null, public: null };
    }
  }
  return {
    arn,
    db_snapshot_identifier: s.DBSnapshotIdentifier ?? null,
    db_instance_identifier: s.DBInstanceIdentifier ?? null,
    engine: s.Engine ?? null,
    snapshot_type: s.SnapshotType ?? null,
    status: s.Status ?? null,
    encrypted: s.Encrypted ?? null,
    kms_key_id: s.KmsKeyId ?? null,
    snapshot_create_time: s.SnapshotCreateTime ?? null,
    ...sharing,
    tags: tagMap(s.TagList),
    raw: s,
  };
}
