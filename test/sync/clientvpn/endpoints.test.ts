import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { clientVpnEndpointsCollector } from '../../../sync/clientvpn/endpoints.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { startMoto, testCredentials, type Moto } from '../../support/moto.js';

const region = 'us-east-1';
let moto: Moto;

type Next = (args: { input: Record<string, unknown> }) => Promise<unknown>;
interface Stack { middlewareStack: { add: (mw: (next: Next, context: { commandName?: string }) => Next, opts: object) => void } }

/**
 * moto 5.2.1 does not implement DescribeClientVpnEndpoints (nor CreateClientVpnEndpoint), so this one call is
 * canned, in the shape of AWS's API reference: two pages joined by a NextToken, with an endpoint logging its
 * connections, one with logging off, one whose answer has no ConnectionLogOptions, and a deleted one.
 * Everything else (the account look-up) goes to moto.
 */
const endpoint = (id: string, status: string, logging?: { Enabled: boolean; CloudwatchLogGroup?: string }) => ({
  ClientVpnEndpointId: `cvpn-endpoint-${id}`,
  Description: `${id} endpoint`,
  Status: { Code: status },
  VpcId: 'vpc-0abc',
  ClientCidrBlock: '10.200.0.0/22',
  ServerCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/server',
  ...(logging ? { ConnectionLogOptions: logging } : {}),
  Tags: [{ Key: 'team', Value: 'net' }],
});
const pages: Record<string, { ClientVpnEndpoints?: unknown[]; NextToken?: string }> = {
  first: {
    ClientVpnEndpoints: [endpoint('logged', 'available', { Enabled: true, CloudwatchLogGroup: '/vpn/connections' }), endpoint('off', 'available', { Enabled: false })],
    NextToken: 'page-2',
  },
  'page-2': { ClientVpnEndpoints: [endpoint('silent', 'pending-associate'), endpoint('gone', 'deleted', { Enabled: false })] },
};

function canned(answer: (input: Record<string, unknown>) => Record<string, unknown>, seen: Array<Record<string, unknown>> = []) {
  return (client: unknown, service: string) => {
    if (service !== 'EC2') return;
    (client as Stack).middlewareStack.add((next, context) => async (args) => {
      if (context.commandName !== 'DescribeClientVpnEndpointsCommand') return next(args);
      seen.push({ ...args.input }); // a copy: the paginator reuses its input object for the next page
      return { output: { $metadata: {}, ...answer(args.input) }, response: {} };
    }, { step: 'initialize', name: 'cannedDescribeClientVpnEndpoints' });
  };
}

async function sync(db: Database, configureClient: (client: unknown, service: string) => void): Promise<SyncResult> {
  return runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, regions: [region], collectors: [clientVpnEndpointsCollector], configureClient, maxAttempts: 1 });
}

beforeAll(async () => {
  moto = await startMoto();
}, 60_000);

afterAll(async () => {
  await moto?.stop();
});

describe('Client VPN endpoints collector', () => {
  let db: Database;
  let result: SyncResult;
  const calls: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    db = await memoryDb();
    result = await sync(db, canned((input) => pages[(input.NextToken as string | undefined) ?? 'first']!, calls));
  }, 60_000);
  afterAll(() => db?.close());

  it('follows the pages and writes each endpoint with its connection logging options', async () => {
    expect(result.errors).toEqual([]);
    expect(calls.map((c) => [c.MaxResults, c.NextToken])).toEqual([[1000, undefined], [1000, 'page-2']]);
    const rows = await db.all(
      "SELECT arn, client_vpn_endpoint_id AS id, status, vpc_id, connection_log_enabled AS logged, connection_log_group AS log_group, tags->>'team' AS team FROM aws_clientvpn_endpoints ORDER BY id",
    );
    const arn = (id: string) => `arn:aws:ec2:${region}:123456789012:client-vpn-endpoint/cvpn-endpoint-${id}`;
    expect(rows).toEqual([
      { arn: arn('gone'), id: 'cvpn-endpoint-gone', status: 'deleted', vpc_id: 'vpc-0abc', logged: false, log_group: null, team: 'net' },
      { arn: arn('logged'), id: 'cvpn-endpoint-logged', status: 'available', vpc_id: 'vpc-0abc', logged: true, log_group: '/vpn/connections', team: 'net' },
      { arn: arn('off'), id: 'cvpn-endpoint-off', status: 'available', vpc_id: 'vpc-0abc', logged: false, log_group: null, team: 'net' },
      { arn: arn('silent'), id: 'cvpn-endpoint-silent', status: 'pending-associate', vpc_id: 'vpc-0abc', logged: null, log_group: null, team: 'net' },
    ]);
  });

  it('fails the endpoints that do not log, or did not say, under FSBP EC2.51 on the synced rows', async () => {
    expect((await checkFindings(db, 'clientvpn_endpoint_connection_logging')).map((r) => r.client_vpn_endpoint_id)).toEqual([
      'cvpn-endpoint-off', 'cvpn-endpoint-silent',
    ]);
  });
});

describe('Client VPN endpoints collector on an incomplete answer', () => {
  it('records an answer without its clientVpnEndpoint element as a sync error and puts the table in error', async () => {
    const db = await memoryDb();
    try {
      const result = await sync(db, canned(() => ({})));
      expect(result.errors.map((e) => [e.table, e.message])).toEqual([
        ['aws_clientvpn_endpoints', expect.stringContaining('DescribeClientVpnEndpoints answered without its clientVpnEndpoint element')],
      ]);
      const scopes = await db.all("SELECT status FROM sync_scopes WHERE table_name = 'aws_clientvpn_endpoints'");
      expect(scopes).toEqual([{ status: 'error' }]);
    } finally {
      db.close();
    }
  });
});
