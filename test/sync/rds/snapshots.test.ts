import {
  CreateDBClusterCommand, CreateDBClusterSnapshotCommand, CreateDBInstanceCommand, CreateDBSnapshotCommand,
  ModifyDBClusterSnapshotAttributeCommand, ModifyDBSnapshotAttributeCommand, RDSClient,
} from '@aws-sdk/client-rds';
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
  const rds = new RDSClient(motoClientConfig(moto, 'us-east-1'));
  const login = { MasterUsername: 'admin', MasterUserPassword: 'not-a-real-password' };
  await rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: 'orders', Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, ...login }));
  await rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: 'ledger', Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, StorageEncrypted: true, ...login }));
  await rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'orders', DBSnapshotIdentifier: 'orders-open' }));
  await rds.send(new ModifyDBSnapshotAttributeCommand({ DBSnapshotIdentifier: 'orders-open', AttributeName: 'restore', ValuesToAdd: ['all'] }));
  await rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'ledger', DBSnapshotIdentifier: 'ledger-partner' }));
  await rds.send(new ModifyDBSnapshotAttributeCommand({ DBSnapshotIdentifier: 'ledger-partner', AttributeName: 'restore', ValuesToAdd: ['222222222222'] }));
  await rds.send(new CreateDBClusterCommand({ DBClusterIdentifier: 'graph', Engine: 'neptune', ...login }));
  await rds.send(new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: 'graph', DBClusterSnapshotIdentifier: 'graph-open' }));
  await rds.send(new ModifyDBClusterSnapshotAttributeCommand({ DBClusterSnapshotIdentifier: 'graph-open', AttributeName: 'restore', ValuesToAdd: ['all'] }));
  // moto's RDS API refuses engine docdb: the DocumentDB.3 check's engine filter is covered by the check tests.
  await rds.send(new CreateDBClusterCommand({ DBClusterIdentifier: 'sales', Engine: 'aurora-mysql', StorageEncrypted: true, ...login }));
  await rds.send(new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: 'sales', DBClusterSnapshotIdentifier: 'sales-private' }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['rds'], regions: ['us-east-1', 'eu-west-1'] });
}, 90_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('RDS snapshot collectors', () => {
  it('writes the DB snapshots, automated and manual, with encryption and who may restore them', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all(
      `SELECT db_snapshot_identifier AS id, db_instance_identifier AS instance, snapshot_type, encrypted, restore_accounts, public
       FROM aws_rds_db_snapshots WHERE snapshot_type = 'manual' ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 'ledger-partner', instance: 'ledger', snapshot_type: 'manual', encrypted: true, restore_accounts: ['222222222222'], public: false },
      { id: 'orders-open', instance: 'orders', snapshot_type: 'manual', encrypted: false, restore_accounts: ['all'], public: true },
    ]);
    // Automated snapshots (moto takes one per instance) are never shared: no attribute call, not public.
    const automated = await db.all("SELECT DISTINCT restore_accounts, public FROM aws_rds_db_snapshots WHERE snapshot_type = 'automated'");
    expect(automated).toEqual([{ restore_accounts: [], public: false }]);
  });

  it('writes the cluster snapshots of every engine, Neptune included', async () => {
    const rows = await db.all(
      `SELECT db_cluster_snapshot_identifier AS id, db_cluster_identifier AS cluster, engine, storage_encrypted, public,
              arn = 'arn:aws:rds:us-east-1:123456789012:cluster-snapshot:' || db_cluster_snapshot_identifier AS arn_ok
       FROM aws_rds_db_cluster_snapshots WHERE snapshot_type = 'manual' ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 'graph-open', cluster: 'graph', engine: 'neptune', storage_encrypted: false, public: true, arn_ok: true },
      { id: 'sales-private', cluster: 'sales', engine: 'aurora-mysql', storage_encrypted: true, public: false, arn_ok: true },
    ]);
    const scopes = await db.all("SELECT table_name, region, status FROM sync_scopes WHERE table_name LIKE 'aws_rds_%snapshots' ORDER BY ALL");
    expect(scopes.map((s) => s.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('lets the FSBP snapshot checks find the public and unencrypted snapshots on the synced rows', async () => {
    expect((await checkFindings(db, 'rds_db_snapshot_not_public')).map((r) => r.snapshot_identifier)).toEqual(['orders-open']);
    expect((await checkFindings(db, 'neptune_cluster_snapshot_not_public')).map((r) => r.snapshot_identifier)).toEqual(['graph-open']);
    expect((await checkFindings(db, 'rds_cluster_snapshot_not_public')).map((r) => r.snapshot_identifier)).toEqual(['graph-open']);
  });
});
