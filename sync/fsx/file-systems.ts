import { FSxClient, paginateDescribeFileSystems, type FileSystem } from '@aws-sdk/client-fsx';
import { awsFsxFileSystems } from '../../schema/fsx.js';
import { tagMap } from '../ec2/shared.js';
import type { Collector } from '../types.js';

/**
 * DescribeFileSystems pages every file system of the region with its type's configuration (the copy-tags settings
 * among it): no per-file-system call.
 */
export const fileSystemsCollector: Collector = {
  service: 'fsx',
  name: 'file-systems',
  scope: 'regional',
  tables: [awsFsxFileSystems],
  async collect(ctx) {
    const client = ctx.client(FSxClient);
    const systems: FileSystem[] = [];
    for await (const page of paginateDescribeFileSystems({ client }, {})) {
      if (page.FileSystems === undefined) throw new Error('[sync] fsx DescribeFileSystems answered without FileSystems; the answer is incomplete');
      systems.push(...page.FileSystems);
    }
    return {
      [awsFsxFileSystems.name]: systems.map((fs) => ({
        arn: fs.ResourceARN ?? `arn:${ctx.partition}:fsx:${ctx.region}:${ctx.accountId}:file-system/${fs.FileSystemId}`,
        id: fs.FileSystemId ?? null,
        file_system_type: fs.FileSystemType ?? null,
        lifecycle: fs.Lifecycle ?? null,
        storage_type: fs.StorageType ?? null,
        kms_key_id: fs.KmsKeyId ?? null,
        copy_tags_to_backups:
          fs.OpenZFSConfiguration?.CopyTagsToBackups ?? fs.WindowsConfiguration?.CopyTagsToBackups ?? fs.LustreConfiguration?.CopyTagsToBackups ?? null,
        copy_tags_to_volumes: fs.OpenZFSConfiguration?.CopyTagsToVolumes ?? null,
        created_at: fs.CreationTime ?? null,
        tags: tagMap(fs.Tags),
        raw: fs,
      })),
    };
  },
};
