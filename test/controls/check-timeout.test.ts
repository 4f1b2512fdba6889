import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmark, loadScanReport } from '../../controls/engine.js';
import { parseDuration, resolveLimits } from '../../controls/limits.js';
import { seed } from '../support/checks.js';
import { memoryDb, tempDir } from '../support/db.js';

const account = '111111111111';
let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  const meta = (title: string) => JSON.stringify({ title, severity: 'low', tables: ['aws_accounts'], scope: { table: 'aws_accounts' } });
  // A recursive CTE with no end: each step adds one row, so it runs until interrupted.
  writeFileSync(
    join(dir, 't_never_ends.sql'),
    "SELECT a.account_id AS resource_id, a.account_id, a.region, 'never' AS reason\nFROM aws_accounts a, (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT max(n) AS n FROM r) x",
  );
  writeFileSync(join(dir, 't_never_ends.json'), meta('never ends'));
  writeFileSync(join(dir, 't_no_alias.sql'), "SELECT account_id AS resource_id, account_id, region, 'no alias' AS reason FROM aws_accounts WHERE alias IS NULL");
  writeFileSync(join(dir, 't_no_alias.json'), meta('has an alias'));
  mkdirSync(join(dir, 'benchmarks'));
  const req = (id: string, check: string) => ({ id, title: id, section: 'S', level: 1, assessment: 'Automated', checks: [check] });
  writeFileSync(
    join(dir, 'benchmarks', 'slow.json'),
    JSON.stringify({ id: 'slow', title: 'Slow', version: '1', requirements: [req('S.1', 't_never_ends'), req('S.2', 't_no_alias'), req('S.3', 't_no_alias')] }),
  );
});
afterAll(() => cleanup());

describe('the per-check time limit', () => {
  it('interrupts a check that never ends, reports it as ERROR with the reason, and completes the others and the scan', async () => {
    const db = await memoryDb();
    try {
      await seed(db, 'aws_accounts', [{ account_id: account, arn: `arn:aws:::${account}`, partition: 'aws' }]);
      const started = Date.now();
      // One connection: the checks after the interrupted one must run on the connection it was interrupted on.
      const report = await evaluateBenchmark({ db, benchmarkId: 'slow', checksDirs: [dir], concurrency: 1, limits: { checkTimeoutMs: 500 } });
      expect(Date.now() - started).toBeLessThan(20_000);
      const [slow, other, again] = report.controls;
      expect(slow!.status).toBe('ERROR');
      expect(slow!.reason).toMatch(/t_never_ends\.sql: ran longer than 500 ms and was stopped.*--check-timeout/);
      expect(other!.status).toBe('FAIL');
      expect(again!.status).toBe('FAIL');
      const stored = await loadScanReport(db, report.scan.id);
      expect(stored?.controls.map((c) => c.status)).toEqual(['ERROR', 'FAIL', 'FAIL']);
      expect((await db.one<{ status: string }>('SELECT status FROM scans WHERE id = ?', [report.scan.id]))?.status).toBe('complete');
    } finally {
      db.close();
    }
  }, 30_000);

  it('reads the limits from flags, then CALABI_* variables, then the defaults', () => {
    expect(resolveLimits({}, {})).toEqual({ checkTimeoutMs: 60_000, maxDataAgeMs: 7 * 86_400_000 });
    expect(resolveLimits({}, { CALABI_CHECK_TIMEOUT: '90', CALABI_MAX_DATA_AGE: '12h' })).toEqual({ checkTimeoutMs: 90_000, maxDataAgeMs: 12 * 3_600_000 });
    expect(resolveLimits({ checkTimeout: '2m', maxDataAge: '3' }, { CALABI_CHECK_TIMEOUT: '90' })).toEqual({ checkTimeoutMs: 120_000, maxDataAgeMs: 3 * 86_400_000 });
    expect(() => resolveLimits({ checkTimeout: '0' }, {})).toThrow(/--check-timeout must be more than 0/);
    expect(() => parseDuration('soon', 'd', '--max-data-age')).toThrow(/--max-data-age must be a number of days .* not 'soon'/);
  });
});
