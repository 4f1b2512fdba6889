import { CreateFileSystemCommand, FSxClient } from '@aws-sdk/client-fsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const ids: Record<string, string> = {};

beforeAll(async () => {
  moto = await startMoto();
  const fsx = new FSxClient(motoClientConfig(moto, 'us-east-1'));
  const zfs = (name: string, backups: boolean, volumes: boolean) =>
    fsx.send(new CreateFileSystemCommand({
      FileSystemType: 'OPENZFS', StorageCapacity: 64, SubnetIds: ['subnet-1'], Tags: [{ Key: 'Name', Value: name }],
      OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64, CopyTagsToBackups: backups, CopyTagsToVolumes: volumes },
    }));
  ids.tagged = (await zfs('tagged', true, true)).FileSystem!.FileSystemId!;
  ids.half = (await zfs('half', true, false)).FileSystem!.FileSystemId!;
  ids.lustre = (await fsx.send(new CreateFileSystemCommand({
    FileSystemType: 'LUSTRE', StorageCapacity: 1200, SubnetIds: ['subnet-1'], Tags: [{ Key: 'Name', Value: 'lustre' }],
    LustreConfiguration: { DeploymentType: 'PERSISTENT_2', CopyTagsToBackups: false },
  }))).FileSystem!.FileSystemId!;
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['fsx'], regions: ['us-east-1', 'eu-west-1'] });
}, 90_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('FSx file systems collector', () => {
  it('writes each file system with its type and copy-tags settings', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all("SELECT tags->>'Name' AS name, region, file_system_type, copy_tags_to_backups, copy_tags_to_volumes FROM aws_fsx_file_systems ORDER BY name");
    expect(rows).toEqual([
      { name: 'half', region: 'us-east-1', file_system_type: 'OPENZFS', copy_tags_to_backups: true, copy_tags_to_volumes: false },
      { name: 'lustre', region: 'us-east-1', file_system_type: 'LUSTRE', copy_tags_to_backups: false, copy_tags_to_volumes: null },
      { name: 'tagged', region: 'us-east-1', file_system_type: 'OPENZFS', copy_tags_to_backups: true, copy_tags_to_volumes: true },
    ]);
  });

  it('fails only the OpenZFS file system that does not copy its tags to volumes', async () => {
    expect((await checkFindings(db, 'fsx_openzfs_copy_tags_enabled')).map((r) => r.file_system)).toEqual([ids.half]);
  });
});
