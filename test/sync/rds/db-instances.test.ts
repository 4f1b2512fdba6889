import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

const base = { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'admin', MasterUserPassword: 'secret-password-1' };

describe('RDS collector against moto', () => {
  it('reads DB instances of each region with encryption, upgrade and public access flags', async () => {
    const use1 = new RDSClient(motoClientConfig(moto, 'us-east-1'));
    const euw1 = new RDSClient(motoClientConfig(moto, 'eu-west-1'));
    await use1.send(new CreateDBInstanceCommand({ ...base, DBInstanceIdentifier: 'orders', StorageEncrypted: true, AutoMinorVersionUpgrade: true, PubliclyAccessible: false }));
    await use1.send(new CreateDBInstanceCommand({ ...base, DBInstanceIdentifier: 'legacy', StorageEncrypted: false, AutoMinorVersionUpgrade: false, PubliclyAccessible: true }));
    // PubliclyAccessible left out: moto then omits it from DescribeDBInstances (AWS never does).
    await euw1.send(new CreateDBInstanceCommand({ ...base, DBInstanceIdentifier: 'reports' }));

    const db = await memoryDb();
    const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['rds'], regions: ['us-east-1', 'eu-west-1'] });
    expect(result.errors).toEqual([]);
    const rows = await db.all(
      `SELECT region, db_instance_identifier, arn, engine, storage_encrypted, auto_minor_version_upgrade, publicly_accessible,
              raw->>'$.DBInstanceIdentifier' AS raw_id
       FROM aws_rds_db_instances ORDER BY db_instance_identifier`,
    );
    expect(rows).toEqual([
      { region: 'us-east-1', db_instance_identifier: 'legacy', arn: 'arn:aws:rds:us-east-1:123456789012:db:legacy', engine: 'postgres', storage_encrypted: false, auto_minor_version_upgrade: false, publicly_accessible: true, raw_id: 'legacy' },
      { region: 'us-east-1', db_instance_identifier: 'orders', arn: 'arn:aws:rds:us-east-1:123456789012:db:orders', engine: 'postgres', storage_encrypted: true, auto_minor_version_upgrade: true, publicly_accessible: false, raw_id: 'orders' },
      { region: 'eu-west-1', db_instance_identifier: 'reports', arn: 'arn:aws:rds:eu-west-1:123456789012:db:reports', engine: 'postgres', storage_encrypted: false, auto_minor_version_upgrade: true, publicly_accessible: null, raw_id: 'reports' },
    ]);
  }, 60_000);
});
