import { CreateClusterCommand, EnableLoggingCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const account = '123456789012';

beforeAll(async () => {
  moto = await startMoto();
  const redshift = new RedshiftClient(motoClientConfig(moto, 'us-east-1'));
  await redshift.send(new CreateClusterCommand({
    ClusterIdentifier: 'warehouse', NodeType: 'ra3.xlplus', MasterUsername: 'analytics_admin', MasterUserPassword: 'Password-1', DBName: 'sales',
    Port: 5555, PubliclyAccessible: false, Encrypted: true, EnhancedVpcRouting: true, AllowVersionUpgrade: true, AutomatedSnapshotRetentionPeriod: 14,
  }));
  await redshift.send(new EnableLoggingCommand({ ClusterIdentifier: 'warehouse', BucketName: 'audit-logs' }));
  await redshift.send(new CreateClusterCommand({
    ClusterIdentifier: 'scratch', NodeType: 'dc2.large', ClusterType: 'single-node', MasterUsername: 'awsuser', MasterUserPassword: 'Password-1',
    PubliclyAccessible: true, Encrypted: false, AllowVersionUpgrade: false, AutomatedSnapshotRetentionPeriod: 3,
  }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['redshift'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('redshift collectors', () => {
  it('writes each cluster with its access, encryption, upgrade, snapshot, naming and audit logging settings', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all(
      `SELECT arn, publicly_accessible, encrypted, enhanced_vpc_routing, allow_version_upgrade, automated_snapshot_retention_period,
              master_username, db_name, port, parameter_group_names, logging_enabled, log_bucket
       FROM aws_redshift_clusters ORDER BY identifier`,
    );
    expect(rows).toEqual([
      {
        arn: `arn:aws:redshift:us-east-1:${account}:cluster:scratch`, publicly_accessible: true, encrypted: false, enhanced_vpc_routing: false,
        allow_version_upgrade: false, automated_snapshot_retention_period: 3, master_username: 'awsuser', db_name: 'dev', port: 5439,
        parameter_group_names: ['default.redshift-1.0'], logging_enabled: false, log_bucket: null,
      },
      {
        arn: `arn:aws:redshift:us-east-1:${account}:cluster:warehouse`, publicly_accessible: false, encrypted: true, enhanced_vpc_routing: true,
        allow_version_upgrade: true, automated_snapshot_retention_period: 14, master_username: 'analytics_admin', db_name: 'sales', port: 5555,
        parameter_group_names: ['default.redshift-1.0'], logging_enabled: true, log_bucket: 'audit-logs',
      },
    ]);
  });

  it('reads each parameter group the clusters use once, with require_ssl', async () => {
    // moto answers every group with Redshift's defaults (require_ssl false); the check tests cover true.
    expect(await db.all('SELECT arn, name, require_ssl FROM aws_redshift_parameter_groups')).toEqual([
      { arn: `arn:aws:redshift:us-east-1:${account}:parametergroup:default.redshift-1.0`, name: 'default.redshift-1.0', require_ssl: false },
    ]);
  });
});
