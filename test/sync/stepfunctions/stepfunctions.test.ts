import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const role = 'arn:aws:iam::123456789012:role/sfn';
const logGroup = 'arn:aws:logs:us-east-1:123456789012:log-group:/sfn/orders:*';
const definition = JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Pass', Result: 'internal-bucket-name', End: true } } });

beforeAll(async () => {
  moto = await startMoto();
  const sfn = new SFNClient(motoClientConfig(moto, 'us-east-1'));
  await sfn.send(new CreateStateMachineCommand({ name: 'silent', definition, roleArn: role }));
  await sfn.send(new CreateStateMachineCommand({
    name: 'orders', definition, roleArn: role, tracingConfiguration: { enabled: true },
    loggingConfiguration: { level: 'ERROR', includeExecutionData: false, destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: logGroup } }] },
  }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['stepfunctions'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('step functions state machines collector', () => {
  it('writes each state machine with its logging level and destinations, not its definition', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT region, name, type, log_level, log_destinations, tracing_enabled, role_arn FROM aws_stepfunctions_state_machines ORDER BY name');
    expect(rows).toEqual([
      { region: 'us-east-1', name: 'orders', type: 'STANDARD', log_level: 'ERROR', log_destinations: [logGroup], tracing_enabled: true, role_arn: role },
      // moto reports a machine created without logging as level OFF, as AWS does.
      { region: 'us-east-1', name: 'silent', type: 'STANDARD', log_level: 'OFF', log_destinations: [], tracing_enabled: false, role_arn: role },
    ]);
    expect(JSON.stringify(await db.all('SELECT raw FROM aws_stepfunctions_state_machines'))).not.toContain('internal-bucket-name');
  });
});
