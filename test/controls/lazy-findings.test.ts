import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exceptOutcome, type AppliedException } from '../../controls/exceptions/apply.js';
import { ExceptionMatcher } from '../../controls/exceptions/match.js';
import type { Exception } from '../../controls/exceptions/model.js';
import { defineLazyFindings, findingCount, findingsPending, firstFinding } from '../../controls/lazy-findings.js';
import { loadCatalog, type Catalog } from '../../controls/loader.js';
import { findingsPartSize } from '../../controls/read-findings.js';
import { findingsDigest } from '../../controls/report-hash.js';
import { runCheck, type CheckOutcome } from '../../controls/run-check.js';
import { controlResult } from '../../controls/status.js';
import type { Requirement } from '../../controls/types.js';
import type { Database } from '../../schema/db.js';
import { memoryDb, tempDir } from '../support/db.js';

// A check's findings stay DuckDB's rendered text until something reads them: the verdict counts them and parses
// only the first; a report, a multi-check requirement, exceptions or scopes in doubt read them all.
const account = '111111111111';
const line = (id: string, reason: string, region = 'us-east-1') => JSON.stringify([id, account, region, reason]);

describe('lazily parsed findings', () => {
  it('counts and gives the first finding without parsing the rest, and parses every part once when read', () => {
    const texts = [[line('a', 'first'), line('b', 'second')].join('\n'), line('c', 'third')];
    const o = defineLazyFindings({ findings: [] as CheckOutcome['findings'] }, texts, 3);
    expect(findingsPending(o)).toBe(true);
    expect(findingCount(o)).toBe(3);
    expect(firstFinding(o)).toEqual({ resource_id: 'a', account_id: account, region: 'us-east-1', reason: 'first' });
    expect(findingsPending(o)).toBe(true);
    // Spread and JSON see an ordinary array; the first read keeps it.
    const read = o.findings;
    expect(findingsPending(o)).toBe(false);
    expect(read.map((f) => f.reason)).toEqual(['first', 'second', 'third']);
    expect({ ...o }.findings).toBe(read);
    expect(JSON.parse(JSON.stringify(o)).findings).toHaveLength(3);
  });

  it('judges a single check FAIL from the count and first finding, leaving the findings unparsed', () => {
    const req: Requirement = { id: 'L.1', title: 'lazy', section: 'S', assessment: 'Automated', checks: ['lz'] };
    const o = defineLazyFindings({ checkId: 'lz', findings: [], evaluated: 5, affected: 2, error: null, scopeProblems: [], durationMs: 0, staged: null } as CheckOutcome, [[line('a', 'a is open.'), line('b', 'b is open')].join('\n')], 2);
    const r = controlResult(req, [], [o]);
    expect(r.status).toBe('FAIL');
    expect(r.reason).toBe('2 resources fail of 5 evaluated: a is open ….');
    expect(findingsPending(o)).toBe(true);
    expect(r.resources.map((f) => f.resource_id)).toEqual(['a', 'b']);
  });

  it('reads every finding when a scope is in doubt, and leaves those in it out of the verdict', () => {
    const req: Requirement = { id: 'L.2', title: 'lazy', section: 'S', assessment: 'Automated', checks: ['lz'] };
    const doubt = { table: 'aws_s3_buckets', account_id: account, region: 'eu-west-1', kind: 'error' as const, detail: 'sync failed' };
    const make = (texts: string[]) =>
      defineLazyFindings({ checkId: 'lz', findings: [], evaluated: 2, affected: 1, error: null, scopeProblems: [doubt], durationMs: 0, staged: null } as unknown as CheckOutcome, texts, 1);
    const inDoubt = make([line('a', 'a is open', 'eu-west-1')]);
    expect(controlResult(req, [], [inDoubt]).status).toBe('ERROR');
    expect(findingsPending(inDoubt)).toBe(false);
    const trusted = make([line('b', 'b is open', 'us-east-1')]);
    expect(controlResult(req, [], [trusted]).status).toBe('FAIL');
  });
});

describe('exceptions in force and findings still text', () => {
  const exception = (scope: Partial<Exception>): Exception => ({
    id: 'EX-1', revision: 1, check_id: null, benchmark_id: null, requirement_id: null, account_id: null, region: null, resource_pattern: null,
    tag_key: null, tag_value: null, justification: 'j', owner: 'o', created_by: 'c', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
    expires_at: '2099-01-01T00:00:00Z', ticket: null, revoked_at: null, revoked_by: null, ...scope,
  });
  const outcome = () =>
    defineLazyFindings({ checkId: 'lz', findings: [], evaluated: 2, affected: 2, error: null, scopeProblems: [], durationMs: 0, staged: null } as CheckOutcome, [[line('a', 'a'), line('b', 'b')].join('\n')], 2);
  const scope = { benchmarkId: 'bm', requirementId: 'R.1' };

  it('leaves the findings unread when no exception in force is scoped to the check or requirement', () => {
    const o = outcome();
    const applied: AppliedException[] = [];
    const matcher = new ExceptionMatcher([exception({ check_id: 'other' }), exception({ id: 'EX-2', benchmark_id: 'bm', requirement_id: 'R.2' })]);
    expect(exceptOutcome(o, matcher, scope, applied)).toBe(o);
    expect(findingsPending(o)).toBe(true);
    expect(applied).toEqual([]);
  });

  it('reads and marks them when one is, by check or by requirement', () => {
    for (const e of [exception({ check_id: 'lz', resource_pattern: 'a' }), exception({ benchmark_id: 'bm', requirement_id: 'R.1', resource_pattern: 'a' })]) {
      const applied: AppliedException[] = [];
      const marked = exceptOutcome(outcome(), new ExceptionMatcher([e]), scope, applied);
      expect(marked.findings.map((f) => f.exception_id)).toEqual(['EX-1', undefined]);
      expect(applied.map((a) => a.resource_id)).toEqual(['a']);
    }
  });
});

describe('a check run by the engine', () => {
  let dir: string;
  let cleanup: () => void;
  let db: Database;
  let catalog: Catalog;
  const rows = findingsPartSize * 2 + 7;

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    // Ids numbered backwards so the canonical order is not the order the query returns them in.
    writeFileSync(join(dir, 'lz_many.sql'),
      `SELECT 'r-' || lpad(CAST(${rows} - i AS VARCHAR), 7, '0') AS resource_id, '${account}' AS account_id, 'us-east-1' AS region, 'reason ' || i AS reason FROM range(${rows}) t(i)`);
    writeFileSync(join(dir, 'lz_many.json'), JSON.stringify({ title: 'many', severity: 'low', tables: ['aws_accounts'], scope: { table: 'aws_accounts' } }));
    writeFileSync(join(dir, 'lz_few.sql'), `SELECT 'z' AS resource_id, '${account}' AS account_id, 'global' AS region, 'z' AS reason UNION ALL SELECT 'y', '${account}', 'global', 'y'`);
    writeFileSync(join(dir, 'lz_few.json'), JSON.stringify({ title: 'few', severity: 'low', tables: ['aws_accounts'], scope: { table: 'aws_accounts' } }));
    catalog = loadCatalog({ checksDirs: [dir], env: {} });
    db = await memoryDb();
  });
  afterAll(() => {
    db?.close();
    cleanup();
  });

  it.each([['lz_few', 2], ['lz_many', rows]])('keeps %s\'s findings as text, counted, digested and in canonical order when read', async (id, n) => {
    const conn = await db.connect();
    try {
      const outcome = await runCheck(catalog.checks.get(id)!, { conn, knownTables: new Set(['aws_accounts']), scopeProblems: new Map() });
      expect(outcome.error).toBeNull();
      expect(findingsPending(outcome)).toBe(true);
      expect(findingCount(outcome)).toBe(n);
      const first = firstFinding(outcome);
      const all = outcome.findings;
      expect(all).toHaveLength(n);
      expect(first).toEqual(all[0]);
      const ids = all.map((f) => f.resource_id);
      expect(ids).toEqual([...ids].sort());
      expect(outcome.digest).toBe(findingsDigest(all));
    } finally {
      conn.closeSync();
    }
  });
});
