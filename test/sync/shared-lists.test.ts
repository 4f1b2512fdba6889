import { CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../sync/runner.js';
import { memoryDb } from '../support/db.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../support/moto.js';

// A list that several collectors of a service need is asked once per account, region and sync
// (SyncContext.shared), not once per collector: ListKeys for keys and key policies, ListBuckets for the buckets
// collector and each per-bucket setting, and so on. Against moto, through a real proxy for the refusal.
let moto: Moto;
let proxy: FaultProxy;
const buckets = ['shared-a', 'shared-b'];
let mfaSerial: string;

beforeAll(async () => {
  moto = await startMoto();
  const s3 = new S3Client(motoClientConfig(moto));
  for (const b of buckets) await s3.send(new CreateBucketCommand({ Bucket: b }));
  await new KMSClient(motoClientConfig(moto)).send(new CreateKeyCommand({ Description: 'shared-lists' }));
  // A user with a virtual MFA device and a device assigned to no one: the users' serials and the devices table
  // both come from the one ListVirtualMFADevices.
  const iam = new IAMClient(motoClientConfig(moto));
  await iam.send(new CreateUserCommand({ UserName: 'mfa-user' }));
  mfaSerial = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'mfa-user' }))).VirtualMFADevice!.SerialNumber!;
  await iam.send(new EnableMFADeviceCommand({ UserName: 'mfa-user', SerialNumber: mfaSerial, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }));
  await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'spare' }));
  proxy = await startFaultProxy(moto.endpoint);
});
afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

type Mw = (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => Promise<unknown>;

/** Counts every command each SDK client sends, by operation name. */
function counting() {
  const calls = new Map<string, number>();
  const mw: Mw = (next, context) => async (args) => {
    const name = (context.commandName ?? '').replace(/Command$/, '');
    calls.set(name, (calls.get(name) ?? 0) + 1);
    return next(args);
  };
  const configureClient = (client: unknown) => {
    (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(mw, { step: 'initialize', name: 'countCalls' });
  };
  return { calls, configureClient };
}

describe('lists shared by the collectors of a service', () => {
  it('asks each list once per region however many collectors read it, and every collector still writes its table', async () => {
    const db = await memoryDb();
    const { calls, configureClient } = counting();
    const services = ['iam', 's3', 'kms', 'lambda', 'elbv2', 'guardduty', 'backup', 'rds', 'apigateway'];
    const result = await runSync({ db, services, regions: ['us-east-1'], endpoint: moto.endpoint, credentials: testCredentials, configureClient });
    // Each of these lists was asked by two collectors (ListBuckets by six) before.
    for (const op of ['ListVirtualMFADevices', 'ListBuckets', 'ListKeys', 'ListFunctions', 'DescribeLoadBalancers', 'ListDetectors', 'ListBackupPlans', 'DescribeDBInstances', 'GetRestApis', 'GetApis']) {
      expect(calls.get(op), op).toBe(1);
    }
    // moto's ListBuckets names no region: GetBucketLocation once per bucket, not once per bucket-reading collector.
    expect(calls.get('GetBucketLocation')).toBe(buckets.length);
    // Every per-bucket setting was still read for every bucket, and every table of the services was written.
    expect(calls.get('GetBucketReplication')).toBe(buckets.length);
    expect(calls.get('GetObjectLockConfiguration')).toBe(buckets.length);
    expect(result.errors.filter((e) => ['iam', 's3', 'kms'].includes(e.service))).toEqual([]);
    const counts = await db.all<{ t: string; n: number }>(
      `SELECT 'buckets' AS t, count(*)::INTEGER AS n FROM aws_s3_buckets UNION ALL SELECT 'replication', count(*)::INTEGER FROM aws_s3_bucket_replication
       UNION ALL SELECT 'keys', count(*)::INTEGER FROM aws_kms_keys UNION ALL SELECT 'key policies', count(*)::INTEGER FROM aws_kms_key_policies ORDER BY t`,
    );
    expect(counts).toEqual([
      { t: 'buckets', n: 2 },
      { t: 'key policies', n: 1 },
      { t: 'keys', n: 1 },
      { t: 'replication', n: 2 },
    ]);
    const users = await db.all<{ user_name: string; mfa_device_serials: string[] }>("SELECT user_name, mfa_device_serials FROM aws_iam_users WHERE user_name = 'mfa-user'");
    expect(users).toEqual([{ user_name: 'mfa-user', mfa_device_serials: [mfaSerial] }]);
    const devices = await db.all<{ user_name: string | null }>("SELECT user_name FROM aws_iam_virtual_mfa_devices WHERE serial_number LIKE '%mfa/mfa-user' OR serial_number LIKE '%mfa/spare' ORDER BY serial_number");
    expect(devices).toEqual([{ user_name: 'mfa-user' }, { user_name: null }]);
    db.close();
  });

  it('puts every collector that needs a refused list in error, from one refused call', async () => {
    const db = await memoryDb();
    proxy.rules.push({
      match: (r) => r.headers['x-amz-target'] === 'TrentService.ListKeys',
      status: 400,
      contentType: 'application/x-amz-json-1.1',
      body: JSON.stringify({ __type: 'AccessDeniedException', message: 'User is not authorized to perform: kms:ListKeys' }),
    });
    const result = await runSync({ db, services: ['kms'], regions: ['us-east-1'], endpoint: proxy.endpoint, credentials: testCredentials });
    expect(proxy.fired[0]).toBe(1);
    expect(result.status).toBe('partial');
    expect(result.errors.map((e) => [e.table, e.code]).sort()).toEqual([
      ['aws_kms_key_policies', 'AccessDeniedException'],
      ['aws_kms_keys', 'AccessDeniedException'],
    ]);
    const scopes = await db.all<{ table_name: string; status: string }>("SELECT table_name, status FROM sync_scopes WHERE table_name LIKE 'aws_kms%' ORDER BY 1");
    expect(scopes).toEqual([
      { table_name: 'aws_kms_key_policies', status: 'error' },
      { table_name: 'aws_kms_keys', status: 'error' },
    ]);
    db.close();
  });
});
