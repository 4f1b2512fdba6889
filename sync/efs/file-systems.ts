import { DescribeBackupPolicyCommand, EFSClient, paginateDescribeFileSystems, type FileSystemDescription } from '@aws-sdk/client-efs';
import type { Row } from '../../schema/db.js';
import { awsEfsFileSystems } from '../../schema/efs.js';
import { isAwsError } from '../errors.js';
import { allItems, tagMap } from '../ec2/shared.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsEfsFileSystems.name;

/**
 * The paginator follows NextMarker: EFS pages (10 per page on moto, 100 by default on AWS). Whether automatic backups
 * are on is only in DescribeBackupPolicy, one call per file system (no list form carries it).
 */
export const fileSystemsCollector: Collector = {
  service: 'efs',
  name: 'file-systems',
  scope: 'regional',
  tables: [awsEfsFileSystems],
  async collect(ctx) {
    const client = ctx.client(EFSClient);
    const fileSystems = await allItems(paginateDescribeFileSystems({ client }, {}), (p) => p.FileSystems);
    return { [table]: await ctx.map(fileSystems, (f) => fileSystemRow(ctx, client, f)) };
  },
};

async function fileSystemRow(ctx: SyncContext, client: EFSClient, f: FileSystemDescription): Promise<Row> {
  const arn = f.FileSystemArn ?? `arn:${ctx.partition}:elasticfilesystem:${ctx.region}:${ctx.accountId}:file-system/${f.FileSystemId}`;
  return {
    arn,
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
    backup_policy_status: await backupStatus(ctx, client, f.FileSystemId, arn),
    raw: f,
  };
}

/** PolicyNotFound is AWS's answer for a file system without automatic backups: a fact (DISABLED), not a failure. */
async function backupStatus(ctx: SyncContext, client: EFSClient, id: string | undefined, arn: string): Promise<string | null> {
  try {
    return (await client.send(new DescribeBackupPolicyCommand({ FileSystemId: id }))).BackupPolicy?.Status ?? null;
  } catch (error) {
    if (isAwsError(error, 'PolicyNotFound')) return 'DISABLED';
    // Deleted since the list: the row goes with the next sync; its status stays unknown meanwhile.
    if (!isAwsError(error, 'FileSystemNotFound')) ctx.itemError(error, { operation: 'DescribeBackupPolicy', table, resourceId: arn });
    return null;
  }
}
