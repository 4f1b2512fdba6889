import { CreateAccessPointCommand, CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;

beforeAll(async () => {
  moto = await startMoto();
  const efs = new EFSClient(motoClientConfig(moto, 'us-east-1'));
  const fs = await efs.send(new CreateFileSystemCommand({ CreationToken: 'shared' }));
  await efs.send(new CreateAccessPointCommand({ FileSystemId: fs.FileSystemId, ClientToken: 'open', Tags: [{ Key: 'Name', Value: 'open' }] }));
  await efs.send(new CreateAccessPointCommand({
    FileSystemId: fs.FileSystemId, ClientToken: 'app', Tags: [{ Key: 'Name', Value: 'app' }],
    PosixUser: { Uid: 1000, Gid: 1001 },
    RootDirectory: { Path: '/app', CreationInfo: { OwnerUid: 1000, OwnerGid: 1001, Permissions: '750' } },
  }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['efs'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('EFS access points collector', () => {
  it('writes every access point of the region with its root directory and POSIX user', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all(
      `SELECT region, name, file_system_id LIKE 'fs-%' AS fs_ok, arn LIKE 'arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-%' AS arn_ok,
              root_directory_path, posix_uid, posix_gid, life_cycle_state FROM aws_efs_access_points ORDER BY name`,
    );
    expect(rows).toEqual([
      { region: 'us-east-1', name: 'app', fs_ok: true, arn_ok: true, root_directory_path: '/app', posix_uid: 1000, posix_gid: 1001, life_cycle_state: 'available' },
      // Created without a root directory: AWS (and moto) report Path '/'; without a PosixUser, none.
      { region: 'us-east-1', name: 'open', fs_ok: true, arn_ok: true, root_directory_path: '/', posix_uid: null, posix_gid: null, life_cycle_state: 'available' },
    ]);
    const scopes = await db.all("SELECT region, status FROM sync_scopes WHERE table_name = 'aws_efs_access_points' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });

  it('finds the open access point through EFS.3 and EFS.4 checks on the synced rows', async () => {
    const root = await checkFindings(db, 'efs_access_point_root_directory');
    const user = await checkFindings(db, 'efs_access_point_user_identity');
    expect(root.map((r) => r.reason)).toEqual([expect.stringMatching(/^EFS access point fsap-\w+ is rooted at the file system's root directory/)]);
    expect(user.map((r) => r.resource_id)).toEqual(root.map((r) => r.resource_id));
  });
});
