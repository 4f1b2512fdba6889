import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../controls/engine.js';
import { loadSample } from '../../demo/sample.js';
import type { RemediationPlan } from '../../reports/remediation-plan.js';
import { runCli } from '../support/cli.js';
import { fileDb } from '../support/db.js';

/** `calabi plan` as a user runs it, on a database file holding the sample account's CIS 3.0 and FSBP scans. */
let path: string;
let cleanup: () => void;

beforeAll(async () => {
  const f = await fileDb();
  ({ path, cleanup } = f);
  await loadSample(f.db);
  for (const b of ['cis-aws-3.0', 'aws-fsbp']) await evaluateBenchmark({ db: f.db, benchmarkId: b });
  f.db.close();
}, 300_000);
afterAll(() => cleanup?.());

describe('calabi plan', () => {
  it('prints the phases, steps and projected scores of every selected framework as JSON', async () => {
    const r = await runCli(['--db', path, 'plan', 'cis-aws-3.0', '--frameworks', 'aws-fsbp', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as RemediationPlan;
    expect(plan.frameworks.map((f) => f.benchmark_id)).toEqual(['cis-aws-3.0', 'aws-fsbp']);
    expect(plan.phases[0]!.projected.map((p) => p.benchmark_id)).toEqual(['cis-aws-3.0', 'aws-fsbp']);
    expect(plan.phases[0]!.items[0]!.remediation.length).toBeGreaterThan(0);
  }, 120_000);

  it('prints a table and Markdown that name the first item and the score after each phase', async () => {
    const json = JSON.parse((await runCli(['--db', path, 'plan', 'cis-aws-3.0', '--format', 'json'])).stdout) as RemediationPlan;
    const first = json.phases[0]!.items[0]!;
    const table = await runCli(['--db', path, 'plan', 'cis-aws-3.0']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`1. ${first.id} [${first.severity}]`);
    expect(table.stdout).toContain('After phase 1: cis-aws-3.0 ');
    const md = await runCli(['--db', path, 'plan', 'cis-aws-3.0', '--format', 'md']);
    expect(md.stdout).toContain('## Phase 1: Critical and high');
    expect(md.stdout).toMatch(/\| After phase 1 \| \d+\.\d% \|/);
  }, 120_000);

  it('refuses a framework without a scan, saying what to run', async () => {
    const r = await runCli(['--db', path, 'plan', 'cis-aws-3.0', '--frameworks', 'cis-aws-7.0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('calabi evaluate cis-aws-7.0');
  }, 120_000);

  it('refuses an unknown benchmark and a bad format with what to do', async () => {
    expect((await runCli(['--db', path, 'plan', 'nope'])).stderr).toContain('calabi benchmarks');
    expect((await runCli(['--db', path, 'plan', 'cis-aws-3.0', '--format', 'pdf'])).stderr).toContain('--format must be one of table, json, md');
  }, 120_000);
});
