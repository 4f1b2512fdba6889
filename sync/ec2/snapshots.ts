import { EC2Client, paginateDescribeSnapshots, type Snapshot } from '@aws-sdk/client-ec2';
import { awsEc2Snapshots } from '../../schema/ec2-snapshots.js';
import type { Collector } from '../types.js';
import { allItems, ec2Arn, requireElement, tagMap } from './shared.js';

const table = awsEc2Snapshots.name;

/**
 * Two list calls, no per-snapshot call: DescribeSnapshots of the account's own snapshots, and the same call with
 * RestorableByUserIds ['all'], which AWS answers with the public ones only (DescribeSnapshotAttribute per
 * snapshot would cost one call each). If the second call fails, the collector fails: "public" is never guessed.
 */
export const snapshotsCollector: Collector = {
  service: 'ec2',
  name: 'snapshots',
  scope: 'regional',
  tables: [awsEc2Snapshots],
  async collect(ctx) {
    const client = ctx.client(EC2Client);
    const list = (input: { RestorableByUserIds?: string[] }) =>
      allItems(paginateDescribeSnapshots({ client }, { OwnerIds: ['self'], MaxResults: 1000, ...input }), (p) =>
        requireElement(p.Snapshots, 'DescribeSnapshots', 'snapshotSet'));
    // OwnerIds self is AWS's filter; the owner test keeps emulators that ignore it (moto) from adding AMI snapshots.
    const own = (await list({})).filter((s) => s.OwnerId === ctx.accountId);
    const publicIds = new Set((await list({ RestorableByUserIds: ['all'] })).map((s) => s.SnapshotId));
    return {
      [table]: own.map((s: Snapshot) => ({
        arn: ec2Arn(ctx, 'snapshot', s.SnapshotId, ''),
        snapshot_id: s.SnapshotId ?? null,
        volume_id: s.VolumeId ?? null,
        state: s.State ?? null,
        encrypted: s.Encrypted ?? null,
        kms_key_id: s.KmsKeyId ?? null,
        volume_size_gib: s.VolumeSize ?? null,
        start_time: s.StartTime ?? null,
        description: s.Description ?? null,
        owner_id: s.OwnerId ?? null,
        public: publicIds.has(s.SnapshotId),
        tags: tagMap(s.Tags),
        raw: s,
      })),
    };
  },
};
