import {
  CreateEndpointCommand, CreateReplicationInstanceCommand, CreateReplicationTaskCommand, DatabaseMigrationServiceClient,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';
import { motoDmsDates } from './moto-dates.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const password = 'Sup3r-Secret-Pw';
const settings = (enabled: boolean, target: string) => JSON.stringify({
  Logging: {
    EnableLogging: enabled,
    LogComponents: [
      { Id: 'SOURCE_CAPTURE', Severity: 'LOGGER_SEVERITY_DEFAULT' }, { Id: 'SOURCE_UNLOAD', Severity: 'LOGGER_SEVERITY_DEBUG' },
      { Id: 'TARGET_APPLY', Severity: target }, { Id: 'TARGET_LOAD', Severity: 'LOGGER_SEVERITY_DEFAULT' },
    ],
  },
});

beforeAll(async () => {
  moto = await startMoto();
  const dms = new DatabaseMigrationServiceClient(motoClientConfig(moto, 'us-east-1'));
  motoDmsDates(dms);
  const open = await dms.send(new CreateReplicationInstanceCommand({
    ReplicationInstanceIdentifier: 'open', ReplicationInstanceClass: 'dms.t3.medium', PubliclyAccessible: true, AutoMinorVersionUpgrade: false, MultiAZ: false,
  }));
  await dms.send(new CreateReplicationInstanceCommand({
    ReplicationInstanceIdentifier: 'private', ReplicationInstanceClass: 'dms.t3.medium', PubliclyAccessible: false, AutoMinorVersionUpgrade: true, MultiAZ: true,
  }));
  const source = await dms.send(new CreateEndpointCommand({
    EndpointIdentifier: 'source', EndpointType: 'source', EngineName: 'mysql', ServerName: 'db.example.com', Port: 3306,
    Username: 'dms', Password: password, SslMode: 'none',
  }));
  const target = await dms.send(new CreateEndpointCommand({
    EndpointIdentifier: 'target', EndpointType: 'target', EngineName: 'postgres', ServerName: 'pg.example.com', Port: 5432,
    Username: 'dms', Password: password, DatabaseName: 'app', SslMode: 'verify-full',
  }));
  await dms.send(new CreateReplicationTaskCommand({
    ReplicationTaskIdentifier: 'copy', MigrationType: 'full-load-and-cdc', ReplicationInstanceArn: open.ReplicationInstance!.ReplicationInstanceArn!,
    SourceEndpointArn: source.Endpoint!.EndpointArn!, TargetEndpointArn: target.Endpoint!.EndpointArn!, TableMappings: '{"rules":[]}',
    ReplicationTaskSettings: settings(true, 'LOGGER_SEVERITY_WARNING'),
  }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['dms'], regions: ['us-east-1', 'eu-west-1'], configureClient: motoDmsDates });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('dms collectors', () => {
  it('writes replication instances with their public access, minor upgrades and Multi-AZ', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT region, identifier, instance_class, publicly_accessible, auto_minor_version_upgrade, multi_az FROM aws_dms_replication_instances ORDER BY identifier');
    expect(rows).toEqual([
      { region: 'us-east-1', identifier: 'open', instance_class: 'dms.t3.medium', publicly_accessible: true, auto_minor_version_upgrade: false, multi_az: false },
      { region: 'us-east-1', identifier: 'private', instance_class: 'dms.t3.medium', publicly_accessible: false, auto_minor_version_upgrade: true, multi_az: true },
    ]);
  });

  it('writes endpoints with their SSL mode and no password', async () => {
    const rows = await db.all('SELECT identifier, endpoint_type, engine_name, server_name, ssl_mode FROM aws_dms_endpoints ORDER BY identifier');
    expect(rows).toEqual([
      { identifier: 'source', endpoint_type: 'SOURCE', engine_name: 'mysql', server_name: 'db.example.com', ssl_mode: 'none' },
      { identifier: 'target', endpoint_type: 'TARGET', engine_name: 'postgres', server_name: 'pg.example.com', ssl_mode: 'verify-full' },
    ]);
    expect(JSON.stringify(await db.all('SELECT * FROM aws_dms_endpoints'))).not.toContain(password);
  });

  it('writes replication tasks with the logging severity of each judged component', async () => {
    const rows = await db.all(`SELECT identifier, migration_type, logging_enabled, source_capture_severity, source_unload_severity, target_apply_severity, target_load_severity
      FROM aws_dms_replication_tasks`);
    expect(rows).toEqual([{
      identifier: 'copy', migration_type: 'full-load-and-cdc', logging_enabled: true, source_capture_severity: 'LOGGER_SEVERITY_DEFAULT',
      source_unload_severity: 'LOGGER_SEVERITY_DEBUG', target_apply_severity: 'LOGGER_SEVERITY_WARNING', target_load_severity: 'LOGGER_SEVERITY_DEFAULT',
    }]);
    const scopes = await db.all("SELECT DISTINCT region, status FROM sync_scopes WHERE table_name LIKE 'aws_dms_%' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });
});
