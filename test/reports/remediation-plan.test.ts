import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../controls/engine.js';
import { loadCatalog, type Catalog } from '../../controls/loader.js';
import type { Check } from '../../controls/types.js';
import { loadSample } from '../../demo/sample.js';
import { remediationPlan } from '../../reports/plan-data.js';
import { buildPlan, type PlanFramework, type RemediationPlan } from '../../reports/remediation-plan.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';

/**
 * The remediation plan over the bundled sample account with the real built-in checks, CIS 3.0 and FSBP evaluated
 * by the real engine. Its projections must be what the engine reports when the plan's checks really return no
 * rows: each phase is re-evaluated with those checks' SQL wrapped so they find nothing, and the scores compared.
 */
let db: Database;
let catalog: Catalog;
let plan: RemediationPlan;
const frameworks = ['cis-aws-3.0', 'aws-fsbp'];

beforeAll(async () => {
  db = await memoryDb();
  await loadSample(db);
  catalog = loadCatalog({ env: {} });
  for (const b of frameworks) await evaluateBenchmark({ db, benchmarkId: b, catalog });
  plan = await remediationPlan(db, catalog, { benchmarkId: 'cis-aws-3.0', frameworks: ['aws-fsbp'] });
}, 300_000);
afterAll(() => db?.close());

/** The catalogue with these checks' queries returning no rows (same tables read, so the same data checks apply). */
function withFixed(fixed: ReadonlySet<string>): Catalog {
  const checks = new Map<string, Check>();
  for (const [id, c] of catalog.checks) {
    checks.set(id, fixed.has(id) ? { ...c, sql: `SELECT * FROM (\n${c.sql.replace(/;\s*$/, '')}\n) AS fixed WHERE false` } : c);
  }
  return { ...catalog, checks };
}

describe('remediation plan', () => {
  it('plans every failing check of the benchmark exactly once, critical and high first', () => {
    const items = plan.phases.flatMap((p) => p.items);
    expect(items.length).toBeGreaterThan(3);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(plan.phases[0]!.name).toBe('Critical and high');
    expect(plan.phases[0]!.items.every((i) => i.severity === 'critical' || i.severity === 'high')).toBe(true);
    const ranks = { critical: 0, high: 0, medium: 1, low: 2 };
    for (let i = 1; i < items.length; i++) expect(ranks[items[i]!.severity]).toBeGreaterThanOrEqual(ranks[items[i - 1]!.severity]);
    for (const i of items) {
      expect(i.remediation.length).toBeGreaterThan(0);
      expect(i.resource_count).toBeGreaterThan(0);
      expect(i.resources.length).toBe(Math.min(20, i.resource_count));
    }
  });

  it('fixes every failing requirement of every selected framework whose checks the plan covers, and no other', () => {
    const planned = new Set(plan.phases.flatMap((p) => p.items.map((i) => i.id)));
    const last = plan.phases.at(-1)!.projected.find((p) => p.benchmark_id === 'cis-aws-3.0')!;
    expect(last.fail).toBe(0);
    const fixedCount = plan.phases.flatMap((p) => p.items.flatMap((i) => i.fixes)).length;
    const before = plan.frameworks.reduce((n, f) => n + f.fail, 0);
    const after = plan.phases.at(-1)!.projected.reduce((n, f) => n + f.fail, 0);
    expect(before - after).toBe(fixedCount);
    expect(planned.size).toBeGreaterThan(0);
  });

  it('projects after each phase exactly the scores the engine reports when those checks find nothing', async () => {
    const fixed = new Set<string>();
    for (const phase of plan.phases) {
      for (const i of phase.items) fixed.add(i.id);
      const fixedCatalog = withFixed(fixed);
      for (const projected of phase.projected) {
        const real = await evaluateBenchmark({ db, benchmarkId: projected.benchmark_id, catalog: fixedCatalog });
        expect({ phase: phase.phase, ...projected }).toEqual({
          phase: phase.phase, benchmark_id: projected.benchmark_id, score: real.summary.score, pass: real.summary.pass, fail: real.summary.fail, error: real.summary.error,
          excepted: real.summary.excepted,
        });
      }
    }
  }, 600_000);
});

describe('buildPlan', () => {
  const fw = (id: string, reqs: Array<[string, string, 'critical' | 'high' | 'medium' | 'low', string[], string | null]>): PlanFramework => ({
    benchmark_id: id, title: id, scan_id: `scan-${id}`, started_at: '2026-01-01T00:00:00Z', sync_run_id: 'run-1',
    requirements: reqs.map(([rid, status, severity, checks, error]) => ({ id: rid, title: rid, section: 'S', severity, status, error, failing_checks: checks })),
  });
  const info = (id: string, severity: 'critical' | 'high' | 'medium' | 'low') => ({ id, title: id, severity, remediation: [`fix ${id}`], resource_count: 1, resources: [] });
  const checks = new Map([['a', info('a', 'high')], ['b', info('b', 'high')], ['c', info('c', 'high')], ['m', info('m', 'medium')]]);

  it('counts a requirement fixed only once all its failing checks are, and orders by weighted requirements fixed', () => {
    const p = buildPlan({
      checks,
      frameworks: [
        fw('x', [['1', 'FAIL', 'high', ['a', 'b'], null], ['2', 'FAIL', 'low', ['c'], null], ['3', 'FAIL', 'critical', ['b'], null], ['4', 'PASS', 'high', [], null], ['5', 'FAIL', 'low', ['m'], null]]),
        fw('y', [['9', 'FAIL', 'critical', ['c'], null]]),
      ],
    });
    const order = p.phases[0]!.items.map((i) => [i.id, i.gain, i.fixes.map((f) => `${f.benchmark_id}:${f.id}`)]);
    // c completes x:2 and y:9 (1 + 8); b completes x:3 (critical, 8); a alone completes nothing until b is done,
    // then x:1 (high, 4).
    expect(order).toEqual([['c', 9, ['x:2', 'y:9']], ['b', 8, ['x:3']], ['a', 4, ['x:1']]]);
    expect(p.phases.map((ph) => ph.name)).toEqual(['Critical and high', 'Medium']);
    expect(p.phases[0]!.projected).toEqual([{ benchmark_id: 'x', score: 80, pass: 4, fail: 1, error: 0, excepted: 0 }, { benchmark_id: 'y', score: 100, pass: 1, fail: 0, error: 0, excepted: 0 }]);
    expect(p.frameworks[0]).toMatchObject({ score: 20, pass: 1, fail: 4 });
  });

  it('when no check completes a requirement alone, takes the one with the most weighted progress first', () => {
    const p = buildPlan({ checks, frameworks: [fw('x', [['1', 'FAIL', 'low', ['a', 'b', 'c'], null], ['2', 'FAIL', 'critical', ['c', 'b'], null]])] });
    // c: 1/3 + 8/2 of progress, b the same, a 1/3: c and b first (id order breaks their tie), then a completes 1.
    expect(p.phases[0]!.items.map((i) => [i.id, i.gain])).toEqual([['b', 0], ['c', 8], ['a', 1]]);
  });

  it('projects ERROR, not PASS, for a fixed requirement whose data was in doubt, so the score cannot rise on it', () => {
    const p = buildPlan({ checks, frameworks: [fw('x', [['1', 'FAIL', 'high', ['a'], 'aws_s3_buckets: sync failed'], ['2', 'PASS', 'high', [], null]])] });
    expect(p.phases[0]!.items[0]!.fixes).toEqual([{ benchmark_id: 'x', id: '1', severity: 'high', becomes: 'ERROR' }]);
    expect(p.phases[0]!.projected[0]).toEqual({ benchmark_id: 'x', score: 50, pass: 1, fail: 0, error: 1, excepted: 0 });
  });

  it('projects EXCEPTED, not PASS, for a fixed requirement whose accepted findings remain, so the headline score stays', () => {
    const x = fw('x', [['1', 'FAIL', 'high', ['a'], null], ['2', 'PASS', 'high', [], null]]);
    const p = buildPlan({ checks, frameworks: [{ ...x, requirements: x.requirements.map((r) => (r.id === '1' ? { ...r, excepted: true } : r)) }] });
    expect(p.phases[0]!.items[0]!.fixes).toEqual([{ benchmark_id: 'x', id: '1', severity: 'high', becomes: 'EXCEPTED' }]);
    expect(p.phases[0]!.projected[0]).toEqual({ benchmark_id: 'x', score: 50, pass: 1, fail: 0, error: 0, excepted: 1 });
  });
});
