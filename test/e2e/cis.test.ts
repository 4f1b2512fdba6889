import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../controls/engine.js';
import type { ScanReport, Status } from '../../controls/types.js';
import type { Database } from '../../schema/db.js';
import { inventoryTables } from '../../schema/inventory.js';
import { runSync, type SyncResult } from '../../sync/runner.js';
import { BAD, GOOD, regions, seedCisAccounts } from '../../testkit/cis-accounts.js';
import { memoryDb } from '../support/db.js';
import { startMoto, testCredentials, type Moto } from '../support/moto.js';

/**
 * CIS AWS Foundations v3.0 end to end: the two accounts of testkit/cis-accounts.ts (one configured badly, one as
 * CIS asks wherever moto can express it), synced through AssumeRole like an organization, then
 * evaluated. Every requirement's status is asserted, and which account each finding belongs to.
 */
let moto: Moto;
let db: Database;
let sync: SyncResult;
let report: ScanReport;

beforeAll(async () => {
  moto = await startMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' });
  await seedCisAccounts(moto);
  db = await memoryDb();
  sync = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, regions, roleName: 'calabi', accounts: [BAD, GOOD] });
  report = await evaluateBenchmark({ db, benchmarkId: 'cis-aws-3.0', trigger: 'test' });
}, 600_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

const manual = ['1.1', '1.3', '1.21', '5.5'];
// CIS labels these Manual, but checks written for the CIS 2.0–7.0 data decide them (security contact, instance
// roles, AWSCloudShellFullAccess, Macie), so they are evaluated. Their collectors arrive with the cisdata branch;
// until this test seeds their data and pins each verdict, it asserts only that they are evaluated.
const decidedByNewData = ['1.2', '1.18', '1.22', '2.1.3'];
// moto cannot express these for any account: root MFA flags fixed at 0, no <root_account> credential report row,
// MFA Delete never returned.
const failsEverywhere = ['1.5', '1.6', '1.7', '2.1.2'];
const failsInBadOnly = [
  '1.8', '1.9', '1.10', '1.11', '1.13', '1.15', '1.16', '1.17',
  '2.1.1', '2.1.4', '2.2.1', '2.3.1', '2.3.2', '2.3.3', '2.4.1',
  '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9',
  '4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7', '4.8', '4.9', '4.10', '4.11', '4.12', '4.13', '4.14', '4.15', '4.16',
  '5.1', '5.2', '5.3', '5.4', '5.6',
];
// Every timestamp in moto is "now": nothing is 45 or 90 days old. No server certificates exist.
const passes = ['1.4', '1.12', '1.14'];
const skipped = ['1.19'];

function statusOf(r: ScanReport, id: string): Status {
  const c = r.controls.find((x) => x.id === id);
  if (!c) throw new Error(`no requirement ${id} in the report`);
  return c.status;
}
function failingAccounts(r: ScanReport, id: string): string[] {
  return [...new Set(r.controls.find((x) => x.id === id)!.resources.map((f) => f.account_id))].sort();
}

describe('CIS AWS Foundations v3.0 against moto: a badly and a well configured account', () => {
  it('syncs both accounts through AssumeRole, with Access Analyzer the only failing collection', () => {
    expect(sync.accounts.sort()).toEqual([BAD, GOOD]);
    // Besides Access Analyzer, moto answers 500 to GetEbsDefaultKmsKeyId once encryption by default is on; the
    // collector files that under the evidence column only, so the enabled flag stays trusted.
    // moto 5.2.1 also cannot serve Macie's GetMacieSession (timestamps the SDK rejects) or the Account API's
    // GetContactInformation (HTTP 404): known gaps of the CIS 2.0+ collectors (docs/cis-data.md), one per scope.
    const motoGap = (e: (typeof sync.errors)[number]) => e.service === 'macie' || (e.service === 'account' && e.table === 'aws_account_contact_information');
    expect(sync.errors.filter(motoGap)).toHaveLength(6);
    const unexpected = sync.errors.filter((e) => e.service !== 'accessanalyzer' && e.operation !== 'GetEbsDefaultKmsKeyId' && !motoGap(e));
    expect(unexpected.map((e) => `${e.accountId} ${e.region} ${e.operation} ${e.code}: ${e.message}`)).toEqual([]);
    expect(sync.errors.filter((e) => e.service === 'accessanalyzer').length).toBeGreaterThanOrEqual(4);
  });

  it('covers every requirement of the benchmark in these expectations', () => {
    const listed = [...manual, ...decidedByNewData, ...failsEverywhere, ...failsInBadOnly, ...passes, ...skipped, '1.20'];
    expect(listed.sort()).toEqual(report.controls.map((c) => c.id).sort());
  });

  it('reports the manual requirements as MANUAL', () => {
    for (const id of manual) expect(statusOf(report, id), id).toBe('MANUAL');
  });

  it('evaluates the requirements CIS labels Manual that a check decides, and shows the label beside the status', () => {
    for (const id of decidedByNewData) {
      const c = report.controls.find((x) => x.id === id)!;
      expect(c.assessment, id).toBe('Manual');
      expect(c.status, id).not.toBe('MANUAL');
    }
  });

  it('fails the bad account, and only the bad account, wherever moto can express the configuration', () => {
    const wrong = failsInBadOnly.filter((id) => statusOf(report, id) !== 'FAIL' || failingAccounts(report, id).join() !== BAD);
    expect(wrong.map((id) => `${id}: ${statusOf(report, id)} ${failingAccounts(report, id).join(',')} ${report.controls.find((c) => c.id === id)!.reason}`)).toEqual([]);
  });

  it('fails both accounts where moto cannot show a compliant root user or MFA Delete', () => {
    for (const id of failsEverywhere) {
      expect(statusOf(report, id), id).toBe('FAIL');
      expect(failingAccounts(report, id), id).toEqual([BAD, GOOD]);
    }
  });

  it('passes what neither account violates and skips what neither account has', () => {
    for (const id of passes) expect(`${id} ${statusOf(report, id)}`).toBe(`${id} PASS`);
    for (const id of skipped) expect(`${id} ${statusOf(report, id)}`).toBe(`${id} SKIP`);
  });

  it('reports 1.20 as ERROR, never PASS or FAIL, because Access Analyzer answers HTTP 500', () => {
    const c = report.controls.find((x) => x.id === '1.20')!;
    expect(c.status).toBe('ERROR');
    expect(c.reason).toMatch(/aws_accessanalyzer_analyzers failed to sync/);
  });

  it('fails CIS v1.5 3.4 in both accounts: moto never reports a CloudWatch Logs delivery, so none is recent', async () => {
    // GetTrailStatus on moto has no LatestCloudWatchLogsDeliveryTime; a trail that never delivered does not pass
    // (the pass case is covered with canned GetTrailStatus facts in test/controls/checks/cloudtrail).
    const v15 = await evaluateBenchmark({ db, benchmarkId: 'cis-aws-1.5', trigger: 'test' });
    expect(statusOf(v15, '3.4')).toBe('FAIL');
    expect(failingAccounts(v15, '3.4')).toEqual([BAD, GOOD]);
    const good = v15.controls.find((c) => c.id === '3.4')!.resources.filter((f) => f.account_id === GOOD);
    expect(good.map((f) => f.reason)).toEqual(['Trail everything has never delivered to CloudWatch Logs (GetTrailStatus reports no delivery)']);
  });

  it('passes the well configured account on its own, except where moto cannot express compliance', async () => {
    // The same inventory without the bad account: what is left is the good account's own result.
    await db.write(async (tx) => {
      for (const t of inventoryTables) await tx.run(`DELETE FROM "${t.name}" WHERE account_id = ?`, [BAD]);
      await tx.run('DELETE FROM sync_scopes WHERE account_id = ?', [BAD]);
    });
    const good = await evaluateBenchmark({ db, benchmarkId: 'cis-aws-3.0', trigger: 'test' });
    const notPassing = failsInBadOnly.concat(passes).filter((id) => id !== '1.14' && statusOf(good, id) !== 'PASS');
    expect(notPassing.map((id) => `${id}: ${statusOf(good, id)} ${good.controls.find((c) => c.id === id)!.reason}`)).toEqual([]);
    // alice has no access key, so there is nothing to rotate.
    expect(statusOf(good, '1.14')).toBe('SKIP');
    for (const id of failsEverywhere) expect(statusOf(good, id), id).toBe('FAIL');
    expect(statusOf(good, '1.20')).toBe('ERROR');
    expect(good.controls.filter((c) => c.status === 'ERROR' && !decidedByNewData.includes(c.id)).map((c) => c.id)).toEqual(['1.20']);
    expect(good.summary.score).toBeGreaterThan(report.summary.score!);
    expect(good.summary.trend).toBe(Math.round((good.summary.score! - report.summary.score!) * 10) / 10);
  });
});
