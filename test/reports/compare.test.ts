import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareVersions, defaultCompareBenchmarks } from '../../reports/compare.js';
import { ScanNotFoundError } from '../../schema/scans.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';
import { seedScan } from '../../testkit/seed-scan.js';

/**
 * `calabi compare`, the API's /api/compare and the page's version view: every CIS version by default, and the
 * requirements whose meaning changed between versions (the same title mapping different checks).
 */
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const contacts = 'Ensure security contact information is registered';
const unused = 'Ensure credentials unused for 45 days or more are disabled';

async function seedThree(): Promise<void> {
  await seedScan(db, {
    id: 'scan-v5', benchmarkId: 'cis-aws-5.0', syncRunId: 'run-1',
    controls: [
      { id: '1.2', title: contacts, status: 'FAIL', checks: ['account_security_contact_registered'] },
      { id: '1.11', title: unused, status: 'PASS', checks: ['iam_user_unused_credentials_disabled'] },
      { id: '1.1', title: 'Maintain current contact details', status: 'MANUAL' },
    ],
  });
  await seedScan(db, {
    id: 'scan-v6', benchmarkId: 'cis-aws-6.0', syncRunId: 'run-1',
    controls: [
      { id: '2.2', title: contacts, status: 'FAIL', checks: ['account_security_contact_registered'] },
      { id: '2.11', title: unused, status: 'PASS', checks: ['iam_user_unused_credentials_disabled'] },
    ],
  });
  // As if 7.0 had tightened the threshold behind the same title: its own check.
  await seedScan(db, {
    id: 'scan-v7', benchmarkId: 'cis-aws-7.0', syncRunId: 'run-1',
    controls: [
      { id: '2.3', title: contacts, status: 'FAIL', checks: ['account_security_contact_registered'] },
      { id: '2.11', title: unused, status: 'FAIL', checks: ['iam_user_unused_credentials_disabled_30_days'] },
    ],
  });
}

describe('compareVersions', () => {
  it('defaults to every CIS version Calabi ships, oldest first', () => {
    expect(defaultCompareBenchmarks).toEqual(['cis-aws-1.4', 'cis-aws-1.5', 'cis-aws-2.0', 'cis-aws-3.0', 'cis-aws-4.0', 'cis-aws-5.0', 'cis-aws-6.0', 'cis-aws-7.0']);
  });

  it('shows a requirement whose title maps different checks in a later version as changed in meaning', async () => {
    await seedThree();
    const c = await compareVersions(db, ['cis-aws-5.0', 'cis-aws-6.0', 'cis-aws-7.0'].map((benchmarkId) => ({ benchmarkId })));
    expect(c.same_inventory).toBe(true);
    expect(c.changed_meaning).toEqual([
      {
        title: unused,
        versions: {
          'cis-aws-5.0': { id: '1.11', checks: ['iam_user_unused_credentials_disabled'] },
          'cis-aws-6.0': { id: '2.11', checks: ['iam_user_unused_credentials_disabled'] },
          'cis-aws-7.0': { id: '2.11', checks: ['iam_user_unused_credentials_disabled_30_days'] },
        },
      },
    ]);
    const row = (check: string) => c.rows.find((r) => r.check_id === check)!;
    expect(row('iam_user_unused_credentials_disabled').meaning_changed).toBe(true);
    expect(row('iam_user_unused_credentials_disabled_30_days').meaning_changed).toBe(true);
    // Renumbered (1.2 → 2.2 → 2.3) but the same checks: the same meaning, one row.
    expect(row('account_security_contact_registered')).toMatchObject({ meaning_changed: false, agrees: true });
    expect(row('account_security_contact_registered').requirements['cis-aws-7.0']).toEqual([{ id: '2.3', title: contacts, status: 'FAIL', affected_count: 0 }]);
    expect(c.unmapped['cis-aws-5.0']).toEqual([{ id: '1.1', title: 'Maintain current contact details', status: 'MANUAL' }]);
  });

  it('reports no changed meaning when every shared title maps the same checks', async () => {
    await seedThree();
    const c = await compareVersions(db, [{ benchmarkId: 'cis-aws-5.0' }, { benchmarkId: 'cis-aws-6.0' }]);
    expect(c.changed_meaning).toEqual([]);
    expect(c.rows.every((r) => !r.meaning_changed)).toBe(true);
  });

  it('leaves out default versions without a scan, and names them', async () => {
    await seedThree();
    const c = await compareVersions(db, defaultCompareBenchmarks.map((benchmarkId) => ({ benchmarkId })), { skipUnscanned: true });
    expect(c.benchmarks.map((b) => b.benchmark_id)).toEqual(['cis-aws-5.0', 'cis-aws-6.0', 'cis-aws-7.0']);
    expect(c.not_evaluated).toEqual(['cis-aws-1.4', 'cis-aws-1.5', 'cis-aws-2.0', 'cis-aws-3.0', 'cis-aws-4.0']);
  });

  it('refuses named versions without a scan, and a default set with fewer than two scans, saying how to fix it', async () => {
    await seedThree();
    await expect(compareVersions(db, [{ benchmarkId: 'cis-aws-1.4' }, { benchmarkId: 'cis-aws-7.0' }])).rejects.toThrow(/no scan 'latest of cis-aws-1\.4'/);
    const empty = await memoryDb();
    try {
      const attempt = compareVersions(empty, defaultCompareBenchmarks.map((benchmarkId) => ({ benchmarkId })), { skipUnscanned: true });
      await expect(attempt).rejects.toBeInstanceOf(ScanNotFoundError);
      await expect(attempt).rejects.toThrow(/calabi compare --evaluate/);
    } finally {
      empty.close();
    }
  });
});
