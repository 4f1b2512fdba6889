import { CreateLoginProfileCommand, CreateUserCommand, GetLoginProfileCommand, GetPolicyVersionCommand, IAMClient, AttachUserPolicyCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';
import { both, hideFromReport } from './iam-middleware.js';

// Fault injection on a real client (configureClient): one user's GetLoginProfile and one policy's
// GetPolicyVersion are refused, as a too-narrow IAM permission would; every other call reaches moto. mallory is
// newer than the credential report (her line is removed from it), so the sync asks GetLoginProfile about her.
function denySome(client: unknown, service: string): void {
  if (service !== 'IAM') return;
  (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
    (next: (args: { input: Record<string, unknown> }) => Promise<unknown>, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
      const denied =
        (context.commandName === GetLoginProfileCommand.name && args.input.UserName === 'mallory') ||
        (context.commandName === GetPolicyVersionCommand.name && String(args.input.PolicyArn).endsWith('/ReadOnlyAccess'));
      if (denied) throw Object.assign(new Error(`not authorized to perform ${context.commandName}`), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
      return next(args);
    },
    { step: 'initialize', name: 'denySome' },
  );
}

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' });
  const iam = new IAMClient(motoClientConfig(moto));
  for (const name of ['mallory', 'trent']) {
    await iam.send(new CreateUserCommand({ UserName: name }));
    await iam.send(new CreateLoginProfileCommand({ UserName: name, Password: 'a-Long-password-123' }));
  }
  await iam.send(new AttachUserPolicyCommand({ UserName: 'trent', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

describe('iam per-item failures', () => {
  it('writes the rows it could read, records each refused call, and marks only the affected tables in error', async () => {
    const db = await memoryDb();
    try {
      const result = await runSync({ db, services: ['iam'], regions: ['us-east-1'], endpoint: moto.endpoint, credentials: testCredentials, configureClient: both(hideFromReport('mallory'), denySome) });
      expect(result.status).toBe('partial');
      expect(result.errors.map((e) => [e.operation, e.table, e.resourceId, e.code]).sort()).toEqual([
        ['GetLoginProfile', 'aws_iam_users', 'arn:aws:iam::123456789012:user/mallory', 'AccessDenied'],
        ['GetPolicyVersion', 'aws_iam_policies', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'AccessDenied'],
      ]);
      expect(await db.all('SELECT user_name, password_enabled FROM aws_iam_users ORDER BY user_name')).toEqual([
        { user_name: 'mallory', password_enabled: null },
        { user_name: 'trent', password_enabled: true },
      ]);
      expect(await db.all("SELECT policy_name, document FROM aws_iam_policies WHERE policy_name = 'ReadOnlyAccess'")).toEqual([{ policy_name: 'ReadOnlyAccess', document: null }]);
      const scopes = await db.all("SELECT table_name, status, stale FROM sync_scopes WHERE table_name IN ('aws_iam_users', 'aws_iam_policies', 'aws_iam_groups') ORDER BY 1");
      expect(scopes).toEqual([
        { table_name: 'aws_iam_groups', status: 'ok', stale: false },
        { table_name: 'aws_iam_policies', status: 'error', stale: false },
        { table_name: 'aws_iam_users', status: 'error', stale: false },
      ]);
      // mallory's password is unknown, so the check cannot judge her; the users scope in error is what makes the
      // engine report ERROR instead of PASS when nothing else fails.
      expect((await checkFindings(db, 'iam_user_console_mfa_enabled')).map((r) => r.user_name)).toEqual(['trent']);
    } finally {
      db.close();
    }
  }, 60_000);
});
