import { CreateDBInstanceCommand, CreateDBParameterGroupCommand, ModifyDBParameterGroupCommand, RDSClient } from '@aws-sdk/client-rds';
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

const base = { DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'dbowner', MasterUserPassword: 'secret-password-1' };

describe('RDS DB parameter groups the TLS controls read (RDS.38, RDS.39)', () => {
  it('reads rds.force_ssl and require_secure_transport of each group an instance uses, once, and no other group', async () => {
    const rds = new RDSClient(motoClientConfig(moto, 'us-east-1'));
    const group = async (name: string, family: string, parameter: string, value: string) => {
      await rds.send(new CreateDBParameterGroupCommand({ DBParameterGroupName: name, DBParameterGroupFamily: family, Description: name }));
      await rds.send(new ModifyDBParameterGroupCommand({ DBParameterGroupName: name, Parameters: [{ ParameterName: parameter, ParameterValue: value, ApplyMethod: 'immediate' }] }));
    };
    await group('strict-pg', 'postgres16', 'rds.force_ssl', '1');
    await group('lax-pg', 'postgres16', 'rds.force_ssl', '0');
    await group('tls-mysql', 'mysql8.0', 'require_secure_transport', 'ON');
    await group('unused', 'mysql8.0', 'require_secure_transport', '0');
    await rds.send(new CreateDBInstanceCommand({ ...base, DBInstanceIdentifier: 'pg-a', Engine: 'postgres', DBParameterGroupName: 'strict-pg' }));
    await rds.send(new CreateDBInstanceCommand({ ...base, DBInstanceIdentifier: 'pg-b', Engine: 'postgres', DBParameterGroupName: 'strict-pg' }));
    await rds.send(new CreateDBInstanceCommand({ ...base, DBInstanceIdentifier: 'pg-c', Engine: 'postgres', DBParameterGroupName: 'lax-pg' }));
    await rds.send(new CreateDBInstanceCommand({ ...base, DBInstanceIdentifier: 'my-a', Engine: 'mysql', DBParameterGroupName: 'tls-mysql' }));
    // moto answers its default group with no parameter values (AWS reports the engine defaults): both flags stay
    // unknown (NULL), which the checks fail.
    await rds.send(new CreateDBInstanceCommand({ ...base, DBInstanceIdentifier: 'my-default', Engine: 'mysql' }));
    const db = await memoryDb();
    const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['rds'], regions: ['us-east-1'] });
    expect(result.errors).toEqual([]);
    expect(await db.all(`SELECT arn, name, force_ssl, require_secure_transport, parameters->>'$."rds.force_ssl"' AS raw_force_ssl FROM aws_rds_db_parameter_groups ORDER BY name`)).toEqual([
      { arn: 'arn:aws:rds:us-east-1:123456789012:pg:default.mysql5.6', name: 'default.mysql5.6', force_ssl: null, require_secure_transport: null, raw_force_ssl: null },
      { arn: 'arn:aws:rds:us-east-1:123456789012:pg:lax-pg', name: 'lax-pg', force_ssl: false, require_secure_transport: null, raw_force_ssl: '0' },
      { arn: 'arn:aws:rds:us-east-1:123456789012:pg:strict-pg', name: 'strict-pg', force_ssl: true, require_secure_transport: null, raw_force_ssl: '1' },
      { arn: 'arn:aws:rds:us-east-1:123456789012:pg:tls-mysql', name: 'tls-mysql', force_ssl: null, require_secure_transport: true, raw_force_ssl: null },
    ]);
  }, 90_000);
});
