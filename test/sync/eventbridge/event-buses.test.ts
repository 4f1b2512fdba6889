import { CreateEventBusCommand, EventBridgeClient, PutPermissionCommand } from '@aws-sdk/client-eventbridge';
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
  const events = new EventBridgeClient(motoClientConfig(moto, 'us-east-1'));
  await events.send(new CreateEventBusCommand({ Name: 'orders' }));
  await events.send(new CreateEventBusCommand({ Name: 'shared' }));
  await events.send(new PutPermissionCommand({ EventBusName: 'shared', Action: 'events:PutEvents', Principal: '222222222222', StatementId: 'partner' }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['eventbridge'], regions: ['us-east-1'] });
}, 90_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('EventBridge event buses collector', () => {
  it('writes every bus, the default one included, with the facts of its resource-based policy', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT name, arn, has_policy, policy_is_public FROM aws_eventbridge_event_buses ORDER BY name');
    expect(rows).toEqual([
      { name: 'default', arn: 'arn:aws:events:us-east-1:123456789012:event-bus/default', has_policy: false, policy_is_public: false },
      { name: 'orders', arn: 'arn:aws:events:us-east-1:123456789012:event-bus/orders', has_policy: false, policy_is_public: false },
      { name: 'shared', arn: 'arn:aws:events:us-east-1:123456789012:event-bus/shared', has_policy: true, policy_is_public: false },
    ]);
  });

  it('fails the custom bus without a policy', async () => {
    expect((await checkFindings(db, 'eventbridge_custom_bus_policy_attached')).map((r) => r.event_bus)).toEqual(['orders']);
  });
});
