import { CreateVpcCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../schema/db.js';
import { reconcileInventory } from '../../schema/migrations.js';
import { defineTable } from '../../schema/table.js';
import { runSync } from '../../sync/runner.js';
import type { Collector } from '../../sync/types.js';
import { memoryDb } from '../support/db.js';
import { ec2Error, queryError, startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../support/moto.js';

// A table and collector of the test's own, so these cases exercise the runner whatever the real collectors do.
const vpcTable = defineTable({
  name: 'aws_test_vpcs',
  description: 'test',
  scope: 'regional',
  resourceId: 'vpc_id',
  columns: [{ name: 'vpc_id', type: 'VARCHAR', description: 'id' }, { name: 'cidr_block', type: 'VARCHAR', description: 'cidr' }],
});
const vpcCollector: Collector = {
  service: 'ec2',
  name: 'test-vpcs',
  scope: 'regional',
  tables: [vpcTable],
  async collect(ctx) {
    const out = await ctx.client(EC2Client).send(new DescribeVpcsCommand({}));
    return { [vpcTable.name]: (out.Vpcs ?? []).map((v) => ({ vpc_id: v.VpcId, cidr_block: v.CidrBlock, raw: v })) };
  },
};

let moto: Moto;
let proxy: FaultProxy;
const regions = ['us-east-1', 'eu-west-1'];

async function testDb(): Promise<Database> {
  const db = await memoryDb();
  await db.write((tx) => reconcileInventory(tx, [vpcTable]));
  return db;
}

const isDescribeVpcs = (region: string) => (r: { body: string; headers: Record<string, unknown> }) =>
  r.body.includes('Action=DescribeVpcs') && String(r.headers.authorization ?? '').includes(`/${region}/ec2/`);

beforeAll(async () => {
  moto = await startMoto();
  await new EC2Client(motoClientConfig(moto, 'us-east-1')).send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }));
  await new EC2Client(motoClientConfig(moto, 'eu-west-1')).send(new CreateVpcCommand({ CidrBlock: '10.2.0.0/16' }));
  proxy = await startFaultProxy(moto.endpoint);
});
afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});
beforeEach(() => {
  proxy.rules.length = 0;
  proxy.fired.length = 0;
});

const sync = (db: Database, extra: Partial<Parameters<typeof runSync>[0]> = {}) =>
  runSync({ db, credentials: testCredentials, endpoint: proxy.endpoint, regions, collectors: [vpcCollector], maxAttempts: 3, ...extra });

describe('sync under faults', () => {
  it('records AccessDenied as a sync error, keeps going in other regions, and keeps the previous rows marked stale', async () => {
    const db = await testDb();
    const first = await sync(db);
    expect(first.errors).toEqual([]);
    const before = await db.all('SELECT region, vpc_id FROM aws_test_vpcs WHERE region = ? ORDER BY vpc_id', ['eu-west-1']);
    expect(before.length).toBeGreaterThan(0);

    proxy.rules.push({ match: isDescribeVpcs('eu-west-1'), status: 403, body: ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation.') });
    const second = await sync(db);
    expect(second.status).toBe('partial');
    expect(second.errors).toEqual([
      expect.objectContaining({ region: 'eu-west-1', service: 'ec2', code: 'UnauthorizedOperation', table: 'aws_test_vpcs' }),
    ]);
    // The failed scope keeps its rows, marked stale; the healthy region was refreshed.
    expect(await db.all('SELECT region, vpc_id FROM aws_test_vpcs WHERE region = ? ORDER BY vpc_id', ['eu-west-1'])).toEqual(before);
    const scopes = await db.all<{ region: string; status: string; stale: boolean; run_id: string }>(
      "SELECT region, status, stale, run_id FROM sync_scopes WHERE table_name = 'aws_test_vpcs' ORDER BY region",
    );
    expect(scopes).toEqual([
      { region: 'eu-west-1', status: 'error', stale: true, run_id: second.runId },
      { region: 'us-east-1', status: 'ok', stale: false, run_id: second.runId },
    ]);
    const stored = await db.all('SELECT service, operation, error_code, region FROM sync_errors WHERE run_id = ?', [second.runId]);
    expect(stored).toEqual([{ service: 'ec2', operation: 'test-vpcs', error_code: 'UnauthorizedOperation', region: 'eu-west-1' }]);
  });

  it('retries throttling and succeeds when the throttling stops', async () => {
    const db = await testDb();
    proxy.rules.push({ match: isDescribeVpcs('us-east-1'), status: 503, body: ec2Error('RequestLimitExceeded', 'Request limit exceeded.'), times: 2 });
    const result = await sync(db);
    expect(proxy.fired[0]).toBe(2);
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('ok');
    const n = await db.one<{ n: number }>("SELECT count(*) AS n FROM aws_test_vpcs WHERE region = 'us-east-1'");
    expect(n!.n).toBeGreaterThan(0);
  });

  it('gives up on throttling that never ends, records it, and still finishes the other regions', async () => {
    const db = await testDb();
    proxy.rules.push({ match: isDescribeVpcs('us-east-1'), status: 503, body: ec2Error('RequestLimitExceeded', 'Request limit exceeded.') });
    const result = await sync(db);
    expect(proxy.fired[0]).toBe(3); // maxAttempts
    expect(result.errors).toEqual([expect.objectContaining({ region: 'us-east-1', code: 'RequestLimitExceeded' })]);
    const byRegion = await db.all("SELECT region, count(*) AS n FROM aws_test_vpcs GROUP BY region ORDER BY region");
    expect(byRegion).toEqual([{ region: 'eu-west-1', n: expect.any(Number) }]);
  });

  it('records an HTTP 500 from the service as an error rather than an empty result', async () => {
    const db = await testDb();
    proxy.rules.push({ match: isDescribeVpcs('eu-west-1'), status: 500, body: 'internal error', contentType: 'text/plain' });
    const result = await sync(db);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ region: 'eu-west-1', service: 'ec2' });
    const scope = await db.one<{ status: string }>("SELECT status FROM sync_scopes WHERE region = 'eu-west-1' AND table_name = 'aws_test_vpcs'");
    expect(scope!.status).toBe('error');
  });
});

describe('multi-account sync', () => {
  it('assumes the role into each account, syncs each, and skips an account whose role cannot be assumed', async () => {
    // moto maps an assumed role's keys to the role's account, so this is a real second account.
    const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts');
    const sts = new STSClient(motoClientConfig(moto));
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::222222222222:role/calabi-audit', RoleSessionName: 'seed' }));
    const c = assumed.Credentials!;
    await new EC2Client(motoClientConfig(moto, 'us-east-1', { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! })).send(
      new CreateVpcCommand({ CidrBlock: '10.22.0.0/16' }),
    );
    proxy.rules.push({
      match: (r) => r.body.includes('Action=AssumeRole') && r.body.includes('333333333333'),
      status: 403,
      body: queryError('AccessDenied', 'User is not authorized to perform: sts:AssumeRole'),
    });
    const db = await testDb();
    const result = await sync(db, { roleName: 'calabi-audit', accounts: ['123456789012', '222222222222', '333333333333'] });
    expect(result.accounts.sort()).toEqual(['123456789012', '222222222222']);
    expect(result.errors).toEqual([expect.objectContaining({ accountId: '333333333333', service: 'sts', operation: 'AssumeRole', code: 'AccessDenied' })]);
    const cidrs = await db.all("SELECT account_id, cidr_block FROM aws_test_vpcs WHERE cidr_block = '10.22.0.0/16'");
    expect(cidrs).toEqual([{ account_id: '222222222222', cidr_block: '10.22.0.0/16' }]);
    const accounts = await db.all('SELECT account_id FROM aws_accounts ORDER BY account_id');
    expect(accounts).toEqual([{ account_id: '123456789012' }, { account_id: '222222222222' }]);
  });

  it('syncs every active account of the organization through the role when asked for --organization', async () => {
    const { OrganizationsClient, CreateOrganizationCommand, CreateAccountCommand, ListAccountsCommand } = await import('@aws-sdk/client-organizations');
    const orgs = new OrganizationsClient(motoClientConfig(moto));
    await orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    await orgs.send(new CreateAccountCommand({ AccountName: 'workload', Email: 'workload@example.com' }));
    const listed = (await orgs.send(new ListAccountsCommand({}))).Accounts ?? [];
    const expected = listed.map((a) => a.Id!).sort();
    expect(expected.length).toBe(2); // the management account and the new member
    const db = await testDb();
    const result = await sync(db, { roleName: 'OrganizationAccountAccessRole', organization: true });
    expect(result.accounts.sort()).toEqual(expected);
    const synced = await db.all<{ account_id: string; organization_id: string | null }>('SELECT account_id, organization_id FROM aws_accounts ORDER BY account_id');
    expect(synced.map((a) => a.account_id)).toEqual(expected);
  });

  it('refuses --accounts without --role-name', async () => {
    const db = await testDb();
    await expect(sync(db, { accounts: ['222222222222'] })).rejects.toThrow(/need --role-name/);
  });
});
