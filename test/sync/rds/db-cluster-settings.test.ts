import { CreateDBClusterCommand, RDSClient } from '@aws-sdk/client-rds';
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

describe('RDS cluster settings the Neptune and DocumentDB controls read', () => {
  it('reads IAM authentication, tag copying to snapshots and the log exports of each cluster', async () => {
    const rds = new RDSClient(motoClientConfig(moto, 'us-east-1'));
    await rds.send(new CreateDBClusterCommand({
      DBClusterIdentifier: 'graph', Engine: 'aurora-postgresql', MasterUsername: 'admin', MasterUserPassword: 'secret-password-1',
      EnableIAMDatabaseAuthentication: true, CopyTagsToSnapshot: true, EnableCloudwatchLogsExports: ['postgresql'],
    }));
    await rds.send(new CreateDBClusterCommand({ DBClusterIdentifier: 'plain', Engine: 'aurora-mysql', MasterUsername: 'admin', MasterUserPassword: 'secret-password-1' }));
    const db = await memoryDb();
    const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['rds'], regions: ['us-east-1'] });
    expect(result.errors).toEqual([]);
    expect(await db.all('SELECT db_cluster_identifier AS id, iam_database_authentication_enabled, copy_tags_to_snapshot, enabled_cloudwatch_logs_exports FROM aws_rds_db_clusters ORDER BY id')).toEqual([
      { id: 'graph', iam_database_authentication_enabled: true, copy_tags_to_snapshot: true, enabled_cloudwatch_logs_exports: ['postgresql'] },
      { id: 'plain', iam_database_authentication_enabled: false, copy_tags_to_snapshot: false, enabled_cloudwatch_logs_exports: [] },
    ]);
  }, 60_000);
});
