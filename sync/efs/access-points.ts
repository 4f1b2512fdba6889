import { EFSClient, paginateDescribeAccessPoints, type AccessPointDescription } from '@aws-sdk/client-efs';
import { awsEfsAccessPoints } from '../../schema/efs.js';
import { allItems, listCollector, tagMap } from '../ec2/shared.js';

/**
 * DescribeAccessPoints without a FileSystemId answers every access point of the region, root directory and POSIX
 * user included: one paginated call, no per-file-system call.
 */
export const accessPointsCollector = listCollector<AccessPointDescription>({
  service: 'efs',
  name: 'access-points',
  table: awsEfsAccessPoints,
  list: (ctx) => allItems(paginateDescribeAccessPoints({ client: ctx.client(EFSClient) }, { MaxResults: 100 }), (p) => p.AccessPoints),
  row: (a, ctx) => ({
    arn: a.AccessPointArn ?? `arn:${ctx.partition}:elasticfilesystem:${ctx.region}:${ctx.accountId}:access-point/${a.AccessPointId}`,
    access_point_id: a.AccessPointId ?? null,
    file_system_id: a.FileSystemId ?? null,
    name: a.Name ?? null,
    root_directory_path: a.RootDirectory?.Path ?? null,
    posix_uid: a.PosixUser?.Uid ?? null,
    posix_gid: a.PosixUser?.Gid ?? null,
    life_cycle_state: a.LifeCycleState ?? null,
    owner_id: a.OwnerId ?? null,
    tags: tagMap(a.Tags),
  }),
});
