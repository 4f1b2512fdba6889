import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetCredentialReportCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessKeyRow, lastUseInReport } from '../../../sync/iam/access-keys.js';
import { parseCredentialReport } from '../../../sync/iam/credential-report-csv.js';
import { runSync } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';
import { both, countIamCalls, hideFromReport } from './iam-middleware.js';

// Issue 16: per-user calls were most of a sync's calls (3 per IAM user). The credential report already says who
// has a console password, MFA and access keys, and when each key was last used; only what it cannot say is asked
// per user: the key ids (ListAccessKeys, for users that have a key) and everything about a user newer than it.
let moto: Moto;
let iam: IAMClient;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  moto = await startMoto();
  iam = new IAMClient(motoClientConfig(moto));
  for (let i = 0; i < 10; i++) await iam.send(new CreateUserCommand({ UserName: `plain-${i}` }));
  // carol: console password, virtual MFA, two keys created in different seconds (the report tells them apart by time).
  await iam.send(new CreateUserCommand({ UserName: 'carol' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'carol', Password: 'a-Long-password-123' }));
  const mfa = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'carol' }));
  await iam.send(new EnableMFADeviceCommand({ UserName: 'carol', SerialNumber: mfa.VirtualMFADevice!.SerialNumber, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'carol' }));
  await sleep(1100);
  await iam.send(new CreateAccessKeyCommand({ UserName: 'carol' }));
  // dave: one key, no password. newbie: a password, and created after the report AWS would hand out.
  await iam.send(new CreateUserCommand({ UserName: 'dave' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'dave' }));
  await iam.send(new CreateUserCommand({ UserName: 'newbie' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'newbie', Password: 'a-Long-password-123' }));
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

const sync = async (configureClient: (client: unknown, service: string) => void) => {
  const db = await memoryDb();
  const result = await runSync({ db, services: ['iam'], regions: ['us-east-1'], endpoint: moto.endpoint, credentials: testCredentials, configureClient });
  return { db, result };
};

describe('IAM users and access keys from the credential report', () => {
  it('asks nothing per user the report lists, except the key ids of users that have keys', async () => {
    const calls = countIamCalls();
    const { db, result } = await sync(both(hideFromReport('newbie'), calls.configure));
    try {
      expect(result.errors).toEqual([]);
      // newbie only (newer than the report): one of each; ListAccessKeys for carol, dave and newbie.
      expect(calls.count('GetLoginProfile')).toBe(1);
      expect(calls.count('ListMFADevices')).toBe(1);
      expect(calls.count('ListAccessKeys')).toBe(3);
      expect(calls.count('GetAccessKeyLastUsed')).toBe(0);
      expect(calls.count('GenerateCredentialReport') + calls.count('GetCredentialReport')).toBeLessThanOrEqual(3); // once per sync, polling included
      expect(await db.all("SELECT user_name, password_enabled, mfa_active, mfa_device_serials FROM aws_iam_users WHERE user_name IN ('carol', 'dave', 'newbie', 'plain-0') ORDER BY 1")).toEqual([
        { user_name: 'carol', password_enabled: true, mfa_active: true, mfa_device_serials: ['arn:aws:iam::123456789012:mfa/carol'] },
        { user_name: 'dave', password_enabled: false, mfa_active: false, mfa_device_serials: [] },
        { user_name: 'newbie', password_enabled: true, mfa_active: false, mfa_device_serials: [] },
        { user_name: 'plain-0', password_enabled: false, mfa_active: false, mfa_device_serials: [] },
      ]);
      const keys = await db.all<{ user_name: string; status: string; last_used_date: unknown; source: string }>(
        "SELECT user_name, status, last_used_date, raw->'AccessKeyLastUsed'->>'Source' AS source FROM aws_iam_access_keys ORDER BY user_name",
      );
      expect(keys.map((k) => [k.user_name, k.status, k.last_used_date])).toEqual([
        ['carol', 'Active', null],
        ['carol', 'Active', null],
        ['dave', 'Active', null],
      ]);
      expect(keys.every((k) => /^credential report access_key_[12] /.test(k.source))).toBe(true);
      // The facts reach the checks: newbie has a password and no MFA.
      expect((await checkFindings(db, 'iam_user_console_mfa_enabled')).map((r) => r.user_name)).toEqual(['newbie']);
    } finally {
      db.close();
    }
  }, 60_000);

  it('makes the same number of IAM calls with 20 more users that have no password, MFA or key', async () => {
    const before = countIamCalls();
    (await sync(before.configure)).db.close();
    for (let i = 0; i < 20; i++) await iam.send(new CreateUserCommand({ UserName: `extra-${i}` }));
    const after = countIamCalls();
    const { db, result } = await sync(after.configure);
    db.close();
    expect(result.errors).toEqual([]);
    expect(result.rowsByTable.aws_iam_users).toBe(33);
    expect([...after.calls.values()].reduce((a, b) => a + b, 0)).toBe([...before.calls.values()].reduce((a, b) => a + b, 0));
  }, 60_000);

  it('puts users, access keys and the report in error when the report cannot be read, and still reads every user', async () => {
    const deny = (client: unknown, service: string) => {
      if (service !== 'IAM') return;
      (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
        (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
          if (context.commandName === GetCredentialReportCommand.name) throw Object.assign(new Error('not authorized to perform iam:GetCredentialReport'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
          return next(args);
        },
        { step: 'initialize', name: 'denyReport' },
      );
    };
    const calls = countIamCalls();
    const { db, result } = await sync(both(deny, calls.configure));
    try {
      expect(result.status).toBe('partial');
      const scopes = await db.all("SELECT table_name, status FROM sync_scopes WHERE table_name IN ('aws_iam_users', 'aws_iam_access_keys', 'aws_iam_credential_report', 'aws_iam_groups') ORDER BY 1");
      expect(scopes).toEqual([
        { table_name: 'aws_iam_access_keys', status: 'error' },
        { table_name: 'aws_iam_credential_report', status: 'error' },
        { table_name: 'aws_iam_groups', status: 'ok' },
        { table_name: 'aws_iam_users', status: 'error' },
      ]);
      expect(result.errors.filter((e) => e.code === 'AccessDenied').map((e) => e.table).sort()).toEqual(['aws_iam_access_keys', 'aws_iam_credential_report', 'aws_iam_users']);
      // Per-user calls instead: the rows are whole, the scopes say the report is missing.
      expect(calls.count('GetLoginProfile')).toBe(33);
      expect(await db.all("SELECT user_name, password_enabled FROM aws_iam_users WHERE user_name IN ('carol', 'dave') ORDER BY 1")).toEqual([
        { user_name: 'carol', password_enabled: true },
        { user_name: 'dave', password_enabled: false },
      ]);
    } finally {
      db.close();
    }
  }, 60_000);
});

describe('lastUseInReport', () => {
  const header =
    'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
    'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
    'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
    'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
  const line = (rotated2: string) =>
    'erin,arn:aws:iam::111111111111:user/erin,2024-01-05T09:30:00+00:00,false,N/A,N/A,N/A,false,' +
    `true,2024-01-05T09:32:00+00:00,2026-11-01T10:00:00+00:00,eu-west-1,s3,true,${rotated2},N/A,N/A,N/A,false,N/A,false,N/A`;
  const row = (rotated2: string) => parseCredentialReport(`${header}\n${line(rotated2)}\n`, new Date('2026-11-22T09:00:00Z'))[0]!;
  const key = (created: string) => ({ AccessKeyId: 'AKIAEXAMPLE', UserName: 'erin', Status: 'Active' as const, CreateDate: new Date(created) });

  it('takes the last use of the slot whose rotation time is the key creation time', () => {
    const used = lastUseInReport(row('2025-01-01T00:00:00+00:00'), key('2024-01-05T09:32:00.400Z'));
    expect(accessKeyRow(key('2024-01-05T09:32:00Z'), { UserName: 'erin', Arn: 'arn:aws:iam::111111111111:user/erin', Path: '/', UserId: 'AIDA', CreateDate: new Date() }, used)).toMatchObject({
      last_used_date: new Date('2026-11-01T10:00:00Z'),
      last_used_service: 's3',
      last_used_region: 'eu-west-1',
    });
  });

  it('leaves a key the report does not show, or cannot tell apart, to GetAccessKeyLastUsed', () => {
    expect(lastUseInReport(row('2025-01-01T00:00:00+00:00'), key('2026-11-22T10:00:00Z'))).toBeUndefined(); // newer than the report
    expect(lastUseInReport(row('2024-01-05T09:32:00+00:00'), key('2024-01-05T09:32:00Z'))).toBeUndefined(); // two keys, same second
  });

  it('reports a never-used key as never used (N/A)', () => {
    const used = lastUseInReport(row('2025-01-01T00:00:00+00:00'), key('2025-01-01T00:00:00Z'));
    expect(used).toMatchObject({ LastUsedDate: undefined, ServiceName: 'N/A', Region: 'N/A' });
  });
});
