import { CreateAccessKeyCommand, CreateLoginProfileCommand, CreateUserCommand, DeleteAccessKeyCommand, DeleteUserCommand, GetLoginProfileCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';
import { both, hideFromReport } from './iam-middleware.js';

// Issue 17: one IAM user deleted in the middle of a sync (a per-user call answering NoSuchEntity) put the account's
// user requirements in ERROR. The race is real: just before the sync's first per-user call for 'leaver', the test
// deletes that user in moto, so moto itself answers the per-user calls with NoSuchEntity. 'leaver' is newer than
// the credential report (its line is removed from it): the users collector asks about it by per-user calls,
// which is where the race can happen; a user the report lists costs the users collector no call at all.
let moto: Moto;
let admin: IAMClient;
beforeAll(async () => {
  moto = await startMoto();
  admin = new IAMClient(motoClientConfig(moto));
  await admin.send(new CreateUserCommand({ UserName: 'stayer' }));
  await admin.send(new CreateLoginProfileCommand({ UserName: 'stayer', Password: 'a-Long-password-123' }));
  await admin.send(new CreateUserCommand({ UserName: 'leaver' }));
  await admin.send(new CreateAccessKeyCommand({ UserName: 'leaver' }));
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

/** Deletes 'leaver' (keys first, as IAM requires) the first time the sync is about to ask about it. */
function deleteLeaverOnFirstUse(): (client: unknown, service: string) => void {
  let deleted: Promise<void> | null = null;
  const remove = async () => {
    const keys = (await admin.send(new ListAccessKeysCommand({ UserName: 'leaver' }))).AccessKeyMetadata ?? [];
    for (const k of keys) await admin.send(new DeleteAccessKeyCommand({ UserName: 'leaver', AccessKeyId: k.AccessKeyId }));
    await admin.send(new DeleteUserCommand({ UserName: 'leaver' }));
  };
  return (client, service) => {
    if (service !== 'IAM') return;
    (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
      (next: (args: { input: Record<string, unknown> }) => Promise<unknown>, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
        const perUser = context.commandName === GetLoginProfileCommand.name || context.commandName === ListAccessKeysCommand.name;
        if (perUser && args.input.UserName === 'leaver') await (deleted ??= remove());
        return next(args);
      },
      { step: 'initialize', name: 'deleteLeaver' },
    );
  };
}

describe('an IAM user deleted between the list and its own calls', () => {
  it('is simply gone: no row, no collection error, the users and access-key scopes stay ok', async () => {
    const db = await memoryDb();
    try {
      const result = await runSync({ db, services: ['iam'], regions: ['us-east-1'], endpoint: moto.endpoint, credentials: testCredentials, configureClient: both(hideFromReport('leaver'), deleteLeaverOnFirstUse()) });
      expect(result.errors).toEqual([]);
      expect(result.status).toBe('ok');
      expect(await db.all('SELECT user_name, password_enabled, mfa_active FROM aws_iam_users ORDER BY user_name')).toEqual([
        { user_name: 'stayer', password_enabled: true, mfa_active: false },
      ]);
      expect(await db.all("SELECT count(*) AS n FROM aws_iam_access_keys WHERE user_name = 'leaver'")).toEqual([{ n: 0 }]);
      const scopes = await db.all("SELECT table_name, status FROM sync_scopes WHERE table_name IN ('aws_iam_users', 'aws_iam_access_keys') ORDER BY 1");
      expect(scopes).toEqual([
        { table_name: 'aws_iam_access_keys', status: 'ok' },
        { table_name: 'aws_iam_users', status: 'ok' },
      ]);
    } finally {
      db.close();
    }
  }, 120_000);
});
