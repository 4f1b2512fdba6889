import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import type { AsffFinding } from '../../../reports/interop/asff.js';
import { pushToSecurityHub, type FailedFinding, type FindingsImporter } from '../../../reports/interop/securityhub-push.js';
import { resolveScan } from '../../../schema/scans.js';
import { memoryDb } from '../../support/db.js';
import { accountA, buckets, seedAccounts, seedInteropScan } from './seed.js';

// Item-level failures of BatchImportFindings (throttled or refused findings inside a 200 answer) cannot be made
// with moto, which accepts every finding that has a resource: this importer stands in for Security Hub's answer.
// test/cli/push-securityhub.test.ts covers the whole push against moto_server with the real SDK.
class ScriptedHub implements FindingsImporter {
  calls: Array<{ region: string; ids: string[] }> = [];
  constructor(private readonly answer: (call: number, findings: AsffFinding[]) => FailedFinding[]) {}
  async batchImport(region: string, findings: AsffFinding[]) {
    this.calls.push({ region, ids: findings.map((f) => f.Id) });
    return { failed: this.answer(this.calls.length, findings) };
  }
}

let db: Database;
beforeAll(async () => {
  db = await memoryDb();
  await seedAccounts(db);
  await seedInteropScan(db, 'scan-1', { startedAt: '2026-11-20T08:00:00.000Z' });
}, 60_000);
afterAll(() => db?.close());

describe('pushing to Security Hub', () => {
  it('sends at most 100 findings per call, retries throttled items only, and reports what Security Hub refused', async () => {
    const scan = await resolveScan(db, 'scan-1');
    let throttled: string[] = [];
    let refused = '';
    const hub = new ScriptedHub((call, findings) => {
      if (call !== 1) return [];
      throttled = [findings[3]!.Id, findings[4]!.Id];
      refused = findings[5]!.Id;
      return [
        ...throttled.map((Id) => ({ Id, ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' })),
        { Id: refused, ErrorCode: 'InvalidInput', ErrorMessage: 'Finding is too large' },
      ];
    });
    const s = await pushToSecurityHub(db, scan, hub, { callerAccount: accountA, retryDelaysMs: [0, 0] });
    // Account A: 150 buckets in eu-west-1 and its root finding (global → us-east-1); account B's finding is skipped.
    expect(hub.calls.map((c) => [c.region, c.ids.length])).toEqual([['eu-west-1', 100], ['eu-west-1', 2], ['eu-west-1', 50], ['us-east-1', 1]]);
    expect(hub.calls[1]!.ids).toEqual(throttled);
    expect(s).toMatchObject({ created: 150, updated: 0, archived: 0, otherAccounts: 1 });
    expect(s.failed).toEqual([{ Id: refused, ErrorCode: 'InvalidInput', ErrorMessage: 'Finding is too large', region: 'eu-west-1' }]);
    // The refused finding is not recorded, so the next push sends it again, as new.
    const again = await pushToSecurityHub(db, scan, new ScriptedHub(() => []), { callerAccount: accountA });
    expect(again).toMatchObject({ created: 1, updated: 150, failed: [] });
  });

  it('gives up on an item that stays throttled after the last retry, and says so', async () => {
    const scan = await resolveScan(db, 'scan-1');
    const target = `calabi/${accountA}/eu-west-1/s3_bucket_denies_http/`;
    const hub = new ScriptedHub((_call, findings) => findings.filter((f) => f.Id.startsWith(target) && (f.Resources as Array<{ Id: string }>)[0]!.Id === buckets[0]).map((f) => ({ Id: f.Id, ErrorCode: 'ThrottlingException' })));
    const s = await pushToSecurityHub(db, scan, hub, { callerAccount: accountA, retryDelaysMs: [0, 0] });
    expect(s.failed).toHaveLength(1);
    expect(hub.calls.filter((c) => c.ids.length === 1 && c.region === 'eu-west-1')).toHaveLength(2);
  });
});
