import { EC2Client, paginateDescribeImages, type Image } from '@aws-sdk/client-ec2';
import { awsEc2Images } from '../../schema/ec2-images.js';
import type { Collector } from '../types.js';
import { allItems, requireElement, tagMap } from './shared.js';

const table = awsEc2Images.name;

/**
 * The account's own AMIs in one paginated call: DescribeImages answers `Public` for each, so no per-image
 * DescribeImageAttribute (launchPermission) is needed. Deprecated and disabled AMIs are included: a public one can
 * still be launched by whoever knows its id (deprecated) or be re-enabled (disabled).
 */
export const imagesCollector: Collector = {
  service: 'ec2',
  name: 'images',
  scope: 'regional',
  tables: [awsEc2Images],
  async collect(ctx) {
    const client = ctx.client(EC2Client);
    const images = await allItems(
      paginateDescribeImages({ client }, { Owners: ['self'], IncludeDeprecated: true, IncludeDisabled: true, MaxResults: 1000 }),
      (p) => requireElement(p.Images, 'DescribeImages', 'imagesSet'),
    );
    // Owners self is AWS's filter; the owner test keeps an emulator that ignores it from adding public catalogue AMIs.
    return { [table]: images.filter((i) => i.OwnerId === ctx.accountId).map((i: Image) => ({
      arn: `arn:${ctx.partition}:ec2:${ctx.region}::image/${i.ImageId ?? ''}`,
      image_id: i.ImageId ?? null,
      name: i.Name ?? null,
      state: i.State ?? null,
      public: i.Public ?? null,
      owner_id: i.OwnerId ?? null,
      creation_date: i.CreationDate ? new Date(i.CreationDate) : null,
      deprecation_time: i.DeprecationTime ? new Date(i.DeprecationTime) : null,
      virtualization_type: i.VirtualizationType ?? null,
      root_device_type: i.RootDeviceType ?? null,
      snapshot_ids: (i.BlockDeviceMappings ?? []).map((m) => m.Ebs?.SnapshotId).filter((s): s is string => Boolean(s)),
      tags: tagMap(i.Tags),
      raw: i,
    })) };
  },
};
