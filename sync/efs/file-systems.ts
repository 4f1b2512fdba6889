import { EFSClient, paginateDescribeFileSystems, type FileSystemDescription } from '@aws-sdk/client-efs';
import { awsEfsFileSystems } from '../../schema/efs.js';
import { allItems, listCollector, tagMap } from '../ec2/shared.js';

/** The paginator follows NextMarker: EFS pages (10 per page on moto, 100 by default on AWS). */
export const fileSystemsCollector = listCollector<FileSystemDescription>({
  service: 'efs',
  name: 'file-systems',
  table: awsEfsFileSystems,
  list: (ctx) => allItems(paginateDescribeFileSystems({ client: ctx.client(EFSClient) }, {}), (p) => p.FileSystems),
  row: (f, ctx) => ({
    arn: f.FileSystemArn ?? `arn:${ctx.partition}:elasticfilesystem:${ctx.region}:${ctx.accountId}:file-system/${f.FileSystemId}`,
    file_system_id: f.FileSystemId ?? null,
    name: f.Name ?? null,
    encrypted: f.Encrypted ?? false,
    kms_key_id: f.KmsKeyId ?? null,
    life_cycle_state: f.LifeCycleState ?? null,
    performance_mode: f.PerformanceMode ?? null,
    throughput_mode: f.ThroughputMode ?? null,
    number_of_mount_targets: f.NumberOfMountTargets ?? null,
    size_in_bytes: f.SizeInBytes?.Value ?? null,
    creation_time: f.CreationTime ?? null,
    owner_id: f.OwnerId ?? null,
    tags: tagMap(f.Tags),
  }),
});
