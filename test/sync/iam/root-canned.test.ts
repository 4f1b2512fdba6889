import { GetAccountSummaryCommand, GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { startMoto, testCredentials, type Moto } from '../../support/moto.js';

// Canned SDK responses for what moto cannot express: its GetAccountSummary root flags are fixed at 0 and its
// credential report has no <root_account> row and only "now" dates. Everything else goes to moto_server.
const account = '123456789012';
const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
const report = [
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
  `<root_account>,arn:aws:iam::${account}:root,${iso(2000)},not_supported,${iso(1)},not_supported,not_supported,true,true,${iso(700)},${iso(3)},us-east-1,iam,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  `stale,arn:aws:iam::${account}:user/stale,${iso(400)},true,${iso(120)},${iso(400)},N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
].join('\n');

function cannedIam(client: unknown, service: string): void {
  if (service !== 'IAM') return;
  const stack = (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack;
  stack.add(
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
      if (context.commandName === GetAccountSummaryCommand.name) {
        return { output: { $metadata: {}, SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 1, Users: 1 } }, response: {} };
      }
      if (context.commandName === GetCredentialReportCommand.name) {
        return { output: { $metadata: {}, Content: new TextEncoder().encode(report), ReportFormat: 'text/csv', GeneratedTime: new Date() }, response: {} };
      }
      return next(args);
    },
    { step: 'initialize', name: 'cannedRootAnswers' },
  );
}

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

describe('root user evidence from canned IAM answers', () => {
  it('stores the root flags and the <root_account> row, and the root checks fail on them', async () => {
    const db = await memoryDb();
    try {
      const result = await runSync({ db, services: ['iam'], regions: ['us-east-1'], endpoint: moto.endpoint, credentials: testCredentials, configureClient: cannedIam });
      expect(result.errors).toEqual([]);
      expect(await db.all('SELECT account_mfa_enabled, account_access_keys_present, users FROM aws_iam_account_summaries')).toEqual([
        { account_mfa_enabled: true, account_access_keys_present: true, users: 1 },
      ]);
      const root = await db.one('SELECT is_root, password_enabled, mfa_active, access_key_1_active FROM aws_iam_credential_report WHERE "user" = \'<root_account>\'');
      expect(root).toEqual({ is_root: true, password_enabled: null, mfa_active: true, access_key_1_active: true });

      expect(await checkFindings(db, 'iam_root_no_access_keys')).toEqual([expect.objectContaining({ account_id: account, reason: expect.stringMatching(/AccountAccessKeysPresent/) })]);
      expect(await checkFindings(db, 'iam_root_mfa_enabled')).toEqual([]);
      expect(await checkFindings(db, 'iam_root_not_used_recently')).toEqual([expect.objectContaining({ account_id: account, reason: expect.stringMatching(/within the last 7 days/) })]);
      const unused = await checkFindings(db, 'iam_user_unused_credentials_disabled');
      expect(unused.map((r) => [r.resource_id, r.credential])).toEqual([[`arn:aws:iam::${account}:user/stale`, 'password']]);
    } finally {
      db.close();
    }
  }, 60_000);
});
