import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchmarksInOrder } from '../../controls/benchmarks.js';
import { loadCatalog } from '../../controls/loader.js';
import { loadSample } from '../../demo/sample.js';
import { Database } from '../../schema/db.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/db.js';

/**
 * `calabi evaluate all` / a comma list and `calabi frameworks`, run as a user runs them, on a database file with
 * the demo inventory.
 */
let dir: { dir: string; cleanup: () => void };
let dbPath: string;
const ids = benchmarksInOrder(loadCatalog()).map((b) => b.id);

beforeAll(async () => {
  dir = tempDir();
  dbPath = join(dir.dir, 'calabi.duckdb');
  const db = await Database.open(dbPath);
  await loadSample(db);
  db.close();
}, 120_000);
afterAll(() => dir?.cleanup());

const cli = (...args: string[]) => runCli(['--db', dbPath, ...args], {}, 600_000);

describe('calabi evaluate with several benchmarks', () => {
  it('evaluates a comma list at once and prints each report, with the report id each gets alone', async () => {
    const many = await cli('evaluate', 'cis-aws-3.0,aws-fsbp', '--format', 'json');
    expect(many.stderr).toBe('');
    expect(many.code).toBe(1); // the demo account fails requirements
    const reports = JSON.parse(many.stdout) as Array<{ benchmark: { id: string }; scan: { report_id: string } }>;
    expect(reports.map((r) => r.benchmark.id)).toEqual(['cis-aws-3.0', 'aws-fsbp']);
    const alone = JSON.parse((await cli('evaluate', 'aws-fsbp', '--format', 'json')).stdout) as { scan: { report_id: string } };
    expect(alone.scan.report_id).toBe(reports[1]!.scan.report_id);
  }, 600_000);

  it('refuses an unknown id in the list with exit 2 before evaluating anything', async () => {
    const r = await cli('evaluate', 'cis-aws-3.0,nope', '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown benchmark 'nope'.*calabi benchmarks/);
    expect(r.stdout).toBe('');
  }, 600_000);

  it('evaluates all and prints every benchmark side by side; calabi frameworks then says they read one inventory', async () => {
    const all = await cli('evaluate', 'all');
    expect(all.code).toBe(1);
    for (const id of ids) expect(all.stdout).toMatch(new RegExp(`^${id.replace(/\./g, '\\.')} +(\\d|n/a)`, 'm'));
    expect(all.stdout).toContain('Score = PASS / (PASS + FAIL + ERROR)');
    const posture = JSON.parse((await cli('frameworks', '--format', 'json')).stdout) as {
      same_inventory: boolean; note: string | null; frameworks: Array<{ id: string; score: number | null; pass: number; fail: number; error: number; failed_by_severity: Record<string, number> }>;
    };
    expect(posture.frameworks.map((f) => f.id)).toEqual(ids);
    expect(posture.same_inventory).toBe(true);
    expect(posture.note).toBeNull();
    for (const f of posture.frameworks) {
      const scored = f.pass + f.fail + f.error;
      expect(f.score).toBe(scored === 0 ? null : Math.round((f.pass / scored) * 1000) / 10);
      expect(Object.values(f.failed_by_severity).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(f.fail);
    }
    const table = await cli('frameworks');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^cis-aws-3\.0 +[\d.]+% /m);
  }, 600_000);

  it('lists every requirement a failing resource breaks, in every benchmark, with the checks that find it', async () => {
    const report = JSON.parse((await cli('evaluate', 'cis-aws-3.0', '--format', 'json')).stdout) as { controls: Array<{ id: string; status: string; resources: Array<{ resource_id: string }> }> };
    const failing = report.controls.find((c) => c.status === 'FAIL' && c.resources.length > 0)!;
    const resource = failing.resources[0]!.resource_id;
    const json = JSON.parse((await cli('frameworks', '--resource', resource, '--format', 'json')).stdout) as { breaks: Array<{ benchmark_id: string; requirement_id: string }>; failing_checks: unknown[] };
    expect(json.breaks).toContainEqual(expect.objectContaining({ benchmark_id: 'cis-aws-3.0', requirement_id: failing.id }));
    expect(new Set(json.breaks.map((b) => b.benchmark_id)).size).toBeGreaterThan(1);
    const table = await cli('frameworks', '--resource', resource);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`${resource} fails ${json.breaks.length} requirements`);
    expect(table.stdout).toMatch(new RegExp(`^cis-aws-3\\.0 +.*\\b${failing.id.replace(/\./g, '\\.')}\\b`, 'm'));
    expect((await cli('frameworks', '--resource', 'arn:aws:s3:::no-such-bucket')).stdout).toContain('no failing check finds this resource');
  }, 600_000);

  it('says when the benchmarks were not all evaluated over the same sync, and offers evaluating them all at once', async () => {
    const db = await Database.open(dbPath);
    await db.run("INSERT INTO sync_runs (id, started_at, finished_at, status) VALUES ('later-sync', now(), now(), 'complete')");
    db.close();
    expect((await cli('evaluate', 'cis-aws-3.0', '--format', 'json')).code).toBe(1);
    const posture = JSON.parse((await cli('frameworks', '--format', 'json')).stdout) as { same_inventory: boolean; note: string; frameworks: Array<{ id: string; inventory_sync_id: string }> };
    expect(posture.same_inventory).toBe(false);
    expect(posture.frameworks.find((f) => f.id === 'cis-aws-3.0')?.inventory_sync_id).toBe('later-sync');
    expect(posture.note).toMatch(/2 different syncs.*calabi evaluate all/);
    expect((await cli('frameworks')).stdout).toContain('calabi evaluate all');
  }, 600_000);
});
