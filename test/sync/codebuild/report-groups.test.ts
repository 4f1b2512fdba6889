import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const arn = (name: string) => `arn:aws:codebuild:us-east-1:123456789012:report-group/${name}`;
const calls: string[] = [];

type Handler = (args: { input: Record<string, unknown> }) => Promise<unknown>;
interface Stack { middlewareStack: { add: (mw: (next: Handler, context: { commandName?: string }) => Handler, opts: object) => void } }

/**
 * moto 5.2.1 implements neither ListReportGroups nor BatchGetReportGroups: both calls are canned here with the
 * shapes AWS answers (two pages of ARNs, then the groups). Projects still go to moto.
 */
const groups = {
  plain: { arn: arn('plain'), name: 'plain', type: 'TEST', status: 'ACTIVE', exportConfig: { exportConfigType: 'S3', s3Destination: { bucket: 'reports', encryptionDisabled: true } } },
  sealed: { arn: arn('sealed'), name: 'sealed', type: 'TEST', status: 'ACTIVE', exportConfig: { exportConfigType: 'S3', s3Destination: { bucket: 'reports', encryptionKey: 'arn:aws:kms:us-east-1:123456789012:key/k' } } },
  kept: { arn: arn('kept'), name: 'kept', type: 'CODE_COVERAGE', status: 'ACTIVE', exportConfig: { exportConfigType: 'NO_EXPORT' } },
};
function cannedReportGroups(client: unknown, service: string): void {
  if (service !== 'CodeBuild') return;
  (client as Stack).middlewareStack.add((next, context) => async (args) => {
    if (context.commandName === 'ListReportGroupsCommand') {
      calls.push('ListReportGroups');
      return args.input.nextToken === 'page-2'
        ? { output: { $metadata: {}, reportGroups: [arn('kept')] } }
        : { output: { $metadata: {}, reportGroups: [arn('plain'), arn('sealed')], nextToken: 'page-2' } };
    }
    if (context.commandName === 'BatchGetReportGroupsCommand') {
      calls.push('BatchGetReportGroups');
      const wanted = args.input.reportGroupArns as string[];
      return { output: { $metadata: {}, reportGroups: Object.values(groups).filter((g) => wanted.includes(g.arn)), reportGroupsNotFound: [] } };
    }
    return next(args);
  }, { step: 'initialize', name: 'cannedReportGroups' });
}

beforeAll(async () => {
  moto = await startMoto();
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['codebuild'], regions: ['us-east-1'], configureClient: cannedReportGroups });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('CodeBuild report groups collector', () => {
  it('follows the pages of ARNs and describes them in one batch call', async () => {
    expect(result.errors).toEqual([]);
    expect(calls).toEqual(['ListReportGroups', 'ListReportGroups', 'BatchGetReportGroups']);
    const rows = await db.all('SELECT name, export_config_type, export_encryption_disabled, export_encryption_key IS NOT NULL AS kms, described FROM aws_codebuild_report_groups ORDER BY name');
    expect(rows).toEqual([
      { name: 'kept', export_config_type: 'NO_EXPORT', export_encryption_disabled: null, kms: false, described: true },
      { name: 'plain', export_config_type: 'S3', export_encryption_disabled: true, kms: false, described: true },
      // encryptionDisabled absent is AWS's default, false.
      { name: 'sealed', export_config_type: 'S3', export_encryption_disabled: false, kms: true, described: true },
    ]);
  });

  it('fails the unencrypted export under FSBP CodeBuild.7 on the synced rows', async () => {
    expect((await checkFindings(db, 'codebuild_report_group_export_encrypted')).map((r) => r.report_group_name)).toEqual(['plain']);
  });
});
