import { DescribeHubCommand, EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
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
  await new SecurityHubClient(motoClientConfig(moto, 'us-east-1')).send(new EnableSecurityHubCommand({}));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['securityhub'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('securityhub hubs collector', () => {
  it('writes one row per region: enabled where subscribed, enabled=false (not an error) where not', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all(
      "SELECT region, hub_arn, enabled, subscribed_at IS NOT NULL AS has_time, raw->>'$.HubArn' AS raw_arn FROM aws_securityhub_hubs ORDER BY region",
    );
    expect(rows).toEqual([
      { region: 'eu-west-1', hub_arn: `arn:aws:securityhub:eu-west-1:${account}:hub/default`, enabled: false, has_time: false, raw_arn: null },
      { region: 'us-east-1', hub_arn: `arn:aws:securityhub:us-east-1:${account}:hub/default`, enabled: true, has_time: true, raw_arn: `arn:aws:securityhub:us-east-1:${account}:hub/default` },
    ]);
    const scopes = await db.all("SELECT region, status FROM sync_scopes WHERE table_name = 'aws_securityhub_hubs' ORDER BY region");
    expect(scopes).toEqual([
      { region: 'eu-west-1', status: 'ok' },
      { region: 'us-east-1', status: 'ok' },
    ]);
  });

  it('keeps the previous row, marked stale, when DescribeHub fails for another reason than "not subscribed"', async () => {
    // moto cannot refuse the call, so a middleware does (AccessDenied, as a missing securityhub:DescribeHub would).
    const deny = (client: unknown, service: string) => {
      if (service !== 'SecurityHub') return;
      (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
        (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
          if (context.commandName === DescribeHubCommand.name) {
            throw Object.assign(new Error('not authorized to perform securityhub:DescribeHub'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
          }
          return next(args);
        },
        { step: 'initialize', name: 'denyDescribeHub' },
      );
    };
    const again = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['securityhub'], regions: ['us-east-1'], configureClient: deny });
    expect(again.errors.map((e) => [e.region, e.code])).toEqual([['us-east-1', 'AccessDeniedException']]);
    expect(await db.one("SELECT enabled FROM aws_securityhub_hubs WHERE region = 'us-east-1'")).toEqual({ enabled: true });
    expect(await db.one("SELECT status, stale FROM sync_scopes WHERE table_name = 'aws_securityhub_hubs' AND region = 'us-east-1'")).toEqual({ status: 'error', stale: true });
  });
});
