import { EC2Client, paginateDescribeVolumes, type Volume } from '@aws-sdk/client-ec2';
import { awsEc2Volumes } from '../../schema/ec2.js';
import { allItems, ec2Arn, listCollector, tagMap } from './shared.js';

export const volumesCollector = listCollector<Volume>({
  name: 'volumes',
  table: awsEc2Volumes,
  list: (ctx) => allItems(paginateDescribeVolumes({ client: ctx.client(EC2Client) }, {}), (p) => p.Volumes),
  row: (v, ctx) => ({
    arn: ec2Arn(ctx, 'volume', v.VolumeId),
    volume_id: v.VolumeId ?? null,
    encrypted: v.Encrypted ?? false,
    kms_key_id: v.KmsKeyId ?? null,
    state: v.State ?? null,
    size_gib: v.Size ?? null,
    volume_type: v.VolumeType ?? null,
    availability_zone: v.AvailabilityZone ?? null,
    create_time: v.CreateTime ?? null,
    snapshot_id: v.SnapshotId || null,
    attached_instance_ids: (v.Attachments ?? []).map((a) => a.InstanceId).filter((id): id is string => !!id),
    tags: tagMap(v.Tags),
  }),
});
