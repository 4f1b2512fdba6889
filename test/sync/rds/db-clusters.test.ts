import { CreateDBClusterCommand, CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
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

const login = { MasterUsername: 'admin', MasterUserPassword: 'secret-password-1' };

describe('RDS clusters and Multi-AZ against moto', () => {
  it('reads DB clusters with their members and MultiAZ flag, and each instance with its zone and Multi-AZ flag', async () => {
    const rds = new RDSClient(motoClientConfig(moto, 'us-east-1'));
    await rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: 'ha', Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MultiAZ: true, ...login }));
    await rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: 'solo', Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MultiAZ: false, AvailabilityZone: 'us-east-1b', ...login }));
    await rds.send(new CreateDBClusterCommand({ DBClusterIdentifier: 'orders', Engine: 'aurora-postgresql', ...login }));
    for (const [id, az] of [['orders-1', 'us-east-1a'], ['orders-2', 'us-east-1b']] as const) {
      await rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: id, DBClusterIdentifier: 'orders', Engine: 'aurora-postgresql', DBInstanceClass: 'db.r6g.large', AvailabilityZone: az }));
    }

    await rds.send(new CreateDBClusterCommand({ DBClusterIdentifier: 'reports', Engine: 'aurora-mysql', ...login }));
    await rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: 'reports-1', DBClusterIdentifier: 'reports', Engine: 'aurora-mysql', DBInstanceClass: 'db.r6g.large', AvailabilityZone: 'us-east-1a' }));

    const db = await memoryDb();
    const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['rds'], regions: ['us-east-1'] });
    expect(result.errors).toEqual([]);
    expect(await db.all(`SELECT db_instance_identifier AS id, multi_az, availability_zone, db_cluster_identifier FROM aws_rds_db_instances ORDER BY id`)).toEqual([
      { id: 'ha', multi_az: true, availability_zone: expect.stringMatching(/^us-east-1[a-f]$/), db_cluster_identifier: null },
      { id: 'orders-1', multi_az: false, availability_zone: 'us-east-1a', db_cluster_identifier: 'orders' },
      { id: 'orders-2', multi_az: false, availability_zone: 'us-east-1b', db_cluster_identifier: 'orders' },
      { id: 'reports-1', multi_az: false, availability_zone: 'us-east-1a', db_cluster_identifier: 'reports' },
      { id: 'solo', multi_az: false, availability_zone: 'us-east-1b', db_cluster_identifier: null },
    ]);
    const clusters = await db.all(`SELECT arn, engine, multi_az, list_sort(member_instance_ids) AS members FROM aws_rds_db_clusters ORDER BY arn`);
    expect(clusters).toEqual([
      // Members in two zones: AWS (and moto) report MultiAZ true; a single-member cluster is not Multi-AZ.
      { arn: 'arn:aws:rds:us-east-1:123456789012:cluster:orders', engine: 'aurora-postgresql', multi_az: true, members: ['orders-1', 'orders-2'] },
      { arn: 'arn:aws:rds:us-east-1:123456789012:cluster:reports', engine: 'aurora-mysql', multi_az: false, members: ['reports-1'] },
    ]);
  }, 60_000);
});
