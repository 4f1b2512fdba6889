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
 * moto 5.2.1 implements neither ListReportGroups, BatchGetReportGroups nor ListSourceCredentials: those calls are
 * canned here with the shapes AWS answers (two pages of report group ARNs, then the groups; one unpaged list of
 * credentials). Projects still go to moto.
 */
const token = (name: string) => `arn:aws:codebuild:us-east-1:123456789012:token/${name}`;
const credentials = [
  { arn: token('github'), serverType: 'GITHUB', authType: 'PERSONAL_ACCESS_TOKEN' },
  { arn: token('bitbucket'), serverType: 'BITBUCKET', authType: 'BASIC_AUTH' },
  { arn: token('gitlab'), serverType: 'GITLAB', authType: 'CODECONNECTIONS', resource: 'arn:aws:codeconnections:us-east-1:123456789012:connection/abc' },
];
const groups = {
  plain: { arn: arn('plain'), name: 'plain', type: 'TEST', status: 'ACTIVE', exportConfig: { exportConfigType: 'S3', s3Destination: { bucket: 'reports', encryptionDisabled: true } } },
  sealed: { arn: arn('sealed'), name: 'sealed', type: 'TEST', status: 'ACTIVE', exportConfig: { exportConfigType: 'S3', s3Destination: { bucket: 'reports', encryptionKey: 'arn:aws:kms:us-east-1:123456789012:key/k' } } },
  kept: { arn: arn('kept'), name: 'kept', type: 'CODE_COVERAGE', status: 'ACTIVE', exportConfig: { exportConfigType: 'NO_EXPORT' } },
};
function cannedCodeBuild(client: unknown, service: string): void {
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
    if (context.commandName === 'ListSourceCredentialsCommand') {
      calls.push('ListSourceCredentials');
      return { output: { $metadata: {}, sourceCredentialsInfos: credentials } };
    }
    return next(args);
  }, { step: 'initialize', name: 'cannedCodeBuild' });
}

beforeAll(async () => {
  moto = await startMoto();
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['codebuild'], regions: ['us-east-1'], configureClient: cannedCodeBuild });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('CodeBuild report groups collector', () => {
  it('follows the pages of ARNs and describes them in one batch call', async () => {
    expect(result.errors).toEqual([]);
    expect(calls.filter((c) => c.includes('ReportGroups'))).toEqual(['ListReportGroups', 'ListReportGroups', 'BatchGetReportGroups']);
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

describe('CodeBuild source credentials collector', () => {
  it('stores each credential with its provider and how it authenticates, from one call per region', async () => {
    expect(result.errors).toEqual([]);
    expect(calls.filter((c) => c === 'ListSourceCredentials')).toHaveLength(1);
    const rows = await db.all('SELECT arn, server_type, auth_type, resource, account_id, region FROM aws_codebuild_source_credentials ORDER BY server_type');
    expect(rows).toEqual([
      { arn: token('bitbucket'), server_type: 'BITBUCKET', auth_type: 'BASIC_AUTH', resource: null, account_id: '123456789012', region: 'us-east-1' },
      { arn: token('github'), server_type: 'GITHUB', auth_type: 'PERSONAL_ACCESS_TOKEN', resource: null, account_id: '123456789012', region: 'us-east-1' },
      { arn: token('gitlab'), server_type: 'GITLAB', auth_type: 'CODECONNECTIONS', resource: credentials[2]!.resource, account_id: '123456789012', region: 'us-east-1' },
    ]);
  });
});
