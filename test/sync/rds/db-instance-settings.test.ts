import { CreateDBClusterCommand, CreateDBInstanceCommand, CreateDBInstanceReadReplicaCommand, CreateDBParameterGroupCommand, RDSClient } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
}, 30_000);
afterAll(async () => {
  await moto?.stop();
});

type Handler = (args: { input: Record<string, unknown> }) => Promise<{ output: { DBInstances?: Array<Record<string, unknown>> } }>;
interface Stack { middlewareStack: { add: (mw: (next: Handler, context: { commandName?: string }) => Handler, opts: object) => void } }

/**
 * moto 5.2.1 keeps no MonitoringInterval (it accepts the parameter and leaves the field out of DescribeDBInstances;
 * AWS always reports it, 0 when Enhanced Monitoring is off): this adds it to moto's real answer, 30 for 'watched'
 * and 0 for 'bare', and leaves 'bare-replica' without it, as an answer that did not say.
 */
function cannedMonitoringInterval(client: unknown, service: string): void {
  if (service !== 'RDS') return;
  (client as Stack).middlewareStack.add((next, context) => async (args) => {
    const out = await next(args);
    if (context.commandName !== 'DescribeDBInstancesCommand') return out;
    const interval: Record<string, number> = { watched: 30, bare: 0 };
    const instances = (out.output.DBInstances ?? []).map((d) => {
      const id = String(d.DBInstanceIdentifier);
      return id in interval ? { ...d, MonitoringInterval: interval[id] } : d;
    });
    return { ...out, output: { ...out.output, DBInstances: instances } };
  }, { step: 'initialize', name: 'cannedMonitoringInterval' });
}

const base = { DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUserPassword: 'secret-password-1' };

describe('RDS instance and cluster settings the FSBP RDS controls read', () => {
  it('reads monitoring interval, log exports, tag copying, master user, replica source and parameter groups of instances', async () => {
    const rds = new RDSClient(motoClientConfig(moto, 'us-east-1'));
    await rds.send(new CreateDBParameterGroupCommand({ DBParameterGroupName: 'strict-pg', DBParameterGroupFamily: 'postgres16', Description: 'forces ssl' }));
    await rds.send(new CreateDBInstanceCommand({
      ...base, DBInstanceIdentifier: 'watched', Engine: 'postgres', MasterUsername: 'dbowner', MonitoringInterval: 30,
      MonitoringRoleArn: 'arn:aws:iam::123456789012:role/rds-monitoring', EnableCloudwatchLogsExports: ['postgresql', 'upgrade'],
      CopyTagsToSnapshot: true, DBParameterGroupName: 'strict-pg',
    }));
    await rds.send(new CreateDBInstanceCommand({ ...base, DBInstanceIdentifier: 'bare', Engine: 'mysql', MasterUsername: 'admin' }));
    await rds.send(new CreateDBInstanceReadReplicaCommand({ DBInstanceIdentifier: 'bare-replica', SourceDBInstanceIdentifier: 'bare' }));
    const db = await memoryDb();
    const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['rds'], regions: ['us-east-1'], configureClient: cannedMonitoringInterval });
    expect(result.errors).toEqual([]);
    expect(await db.all(
      `SELECT db_instance_identifier AS id, monitoring_interval, enabled_cloudwatch_logs_exports, copy_tags_to_snapshot, master_username,
              read_replica_source, db_parameter_groups
       FROM aws_rds_db_instances ORDER BY id`,
    )).toEqual([
      { id: 'bare', monitoring_interval: 0, enabled_cloudwatch_logs_exports: [], copy_tags_to_snapshot: false, master_username: 'admin', read_replica_source: null, db_parameter_groups: ['default.mysql5.6'] },
      { id: 'bare-replica', monitoring_interval: null, enabled_cloudwatch_logs_exports: [], copy_tags_to_snapshot: false, master_username: 'admin', read_replica_source: 'bare', db_parameter_groups: ['default.mysql5.6'] },
      { id: 'watched', monitoring_interval: 30, enabled_cloudwatch_logs_exports: ['postgresql', 'upgrade'], copy_tags_to_snapshot: true, master_username: 'dbowner', read_replica_source: null, db_parameter_groups: ['strict-pg'] },
    ]);
  }, 60_000);

  it('reads master user, port, backtrack window and minor version upgrade of clusters', async () => {
    const rds = new RDSClient(motoClientConfig(moto, 'eu-west-1'));
    await rds.send(new CreateDBClusterCommand({
      DBClusterIdentifier: 'rewind', Engine: 'aurora-mysql', MasterUsername: 'owner', MasterUserPassword: 'secret-password-1', BacktrackWindow: 86400, Port: 3307,
    }));
    await rds.send(new CreateDBClusterCommand({
      DBClusterIdentifier: 'maz', Engine: 'postgres', MasterUsername: 'postgres', MasterUserPassword: 'secret-password-1',
      DBClusterInstanceClass: 'db.m6gd.large', AllocatedStorage: 100, StorageType: 'io1', Iops: 1000, AutoMinorVersionUpgrade: false,
    }));
    const db = await memoryDb();
    const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['rds'], regions: ['eu-west-1'] });
    expect(result.errors).toEqual([]);
    expect(await db.all('SELECT db_cluster_identifier AS id, master_username, port, backtrack_window, auto_minor_version_upgrade FROM aws_rds_db_clusters ORDER BY id')).toEqual([
      { id: 'maz', master_username: 'postgres', port: 5432, backtrack_window: 0, auto_minor_version_upgrade: false },
      { id: 'rewind', master_username: 'owner', port: 3307, backtrack_window: 86400, auto_minor_version_upgrade: true },
    ]);
  }, 60_000);
});
