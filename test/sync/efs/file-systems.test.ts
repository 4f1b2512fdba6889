import { CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

describe('EFS collector against moto', () => {
  it('follows NextMarker past the first page and reads each region', async () => {
    const use1 = new EFSClient(motoClientConfig(moto, 'us-east-1'));
    const euw1 = new EFSClient(motoClientConfig(moto, 'eu-west-1'));
    // moto answers 10 file systems per page: 13 need two pages.
    for (let i = 0; i < 13; i++) {
      await use1.send(new CreateFileSystemCommand({ CreationToken: `fs-${i}`, Encrypted: i % 3 !== 0, Backup: i % 2 === 0, Tags: [{ Key: 'Name', Value: `share-${i}` }] }));
    }
    await euw1.send(new CreateFileSystemCommand({ CreationToken: 'eu', Encrypted: true }));

    const db = await memoryDb();
    const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['efs'], regions: ['us-east-1', 'eu-west-1'] });
    expect(result.errors).toEqual([]);
    expect(await db.all('SELECT region, count(*) AS n, count(*) FILTER (WHERE encrypted) AS encrypted FROM aws_efs_file_systems GROUP BY region ORDER BY region')).toEqual([
      { region: 'eu-west-1', n: 1, encrypted: 1 },
      { region: 'us-east-1', n: 13, encrypted: 8 },
    ]);
    const one = await db.one(
      `SELECT name, encrypted, life_cycle_state, arn LIKE 'arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-%' AS arn_ok,
              raw->>'$.FileSystemId' = file_system_id AS raw_ok
       FROM aws_efs_file_systems WHERE name = 'share-0'`,
    );
    expect(one).toEqual({ name: 'share-0', encrypted: false, life_cycle_state: 'available', arn_ok: true, raw_ok: true });
    // Automatic backups: ENABLED where the file system has the backup policy, DISABLED where AWS answers PolicyNotFound.
    expect(await db.all("SELECT backup_policy_status AS status, count(*)::INT AS n FROM aws_efs_file_systems WHERE region = 'us-east-1' GROUP BY ALL ORDER BY ALL")).toEqual([
      { status: 'DISABLED', n: 6 },
      { status: 'ENABLED', n: 7 },
    ]);
    expect((await checkFindings(db, 'efs_automatic_backups_enabled')).filter((r) => r.region === 'us-east-1').length).toBe(6);
  }, 60_000);
});
