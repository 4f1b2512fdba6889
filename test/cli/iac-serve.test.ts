import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/moto.js';
import { fixturePath } from '../sources/terraform/support.js';

describe('calabi iac --serve', () => {
  it('prints the report, serves the scan from a temporary database with NOT VERIFIABLE, and removes it on SIGTERM', async () => {
    const port = await freePort();
    const before = new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('calabi-iac-')));
    const proc = spawn(process.execPath, ['bin/calabi.js', 'iac', fixturePath('synthetic-compute-storage.json'), '--serve', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout!.on('data', (d) => (stdout += String(d)));
    proc.stderr!.on('data', (d) => (stderr += String(d)));
    let created: string[] = [];
    try {
      const deadline = Date.now() + 90_000;
      while (!stderr.includes('Calabi is serving') && Date.now() < deadline && proc.exitCode === null) await new Promise((r) => setTimeout(r, 100));
      expect(stderr).toMatch(/Calabi is serving the IaC scan of .*synthetic-compute-storage\.json/);
      expect(stdout).toContain('Overall score    6.9%');
      created = readdirSync(tmpdir()).filter((f) => f.startsWith('calabi-iac-') && !before.has(f));
      expect(created).toHaveLength(1);
      const report = (await (await fetch(`http://127.0.0.1:${port}/api/benchmarks/cis-aws-3.0/report`)).json()) as any;
      expect(report.summary).toMatchObject({ source: 'terraform', verifiable_score: 57.1, overall_score: 6.9, not_verifiable: 51 });
      expect(report.controls.filter((c: any) => c.status === 'NOT VERIFIABLE')).toHaveLength(51);
    } finally {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }
    // The exit status stays the report's (--fail-on low: the plan has FAILs), as without --serve.
    expect(proc.exitCode).toBe(1);
    for (const d of created) expect(existsSync(`${tmpdir()}/${d}`)).toBe(false);
  }, 120_000);
});
