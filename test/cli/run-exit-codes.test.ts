import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/db.js';

// Review: issue 5 "`calabi run` … meaningful exit codes, logs fit for a job runner" — the failure path (exit 2),
// which test/cli/run-export.test.ts does not reach.
let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup?.());

describe('calabi run exit codes', () => {
  it('exits 2 with a JSON error log naming the fix when the sync cannot find credentials, and records the failed run', async () => {
    const db = join(dir, 'r.duckdb');
    const r = await runCli(['--db', db, '--json-logs', 'run', 'cis-aws-3.0', '--sync']);
    expect(r.code).toBe(2);
    const logs = r.stderr.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logs.find((l) => l.msg === 'run failed')).toMatchObject({ level: 'error', error: expect.stringMatching(/Configure credentials/) });
    expect(logs.at(-1)).toMatchObject({ msg: 'run finished', status: 'failed', scan: null, exit: 2 });
    const runs = await runCli(['--db', db, 'schedule', 'runs']);
    expect(runs.stdout).toMatch(/failed\s+cli\s+cis-aws-3\.0\s+scan —/);
    expect(runs.stdout).toContain('Configure credentials');
  }, 120_000);

  it('exits 2 for a nonsense --alert-threshold before touching AWS', async () => {
    const r = await runCli(['--db', join(dir, 't.duckdb'), 'run', 'cis-aws-3.0', '--alert-threshold', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--alert-threshold must be a number of points from 0 to 100, not 'lots'");
  });
});
