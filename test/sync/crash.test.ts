import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../schema/db.js';
import { tempDir } from '../support/db.js';
import { startMoto, type Moto } from '../support/moto.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

function child(dbPath: string, generation: string, big: number, killOn?: string): Promise<{ code: number | null; signal: string | null; out: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/sync-child.ts', dbPath, moto.endpoint, generation, String(big)], {
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (d) => {
      out += String(d);
      if (killOn && out.includes(killOn)) setTimeout(() => proc.kill('SIGKILL'), 20);
    });
    proc.stderr.on('data', (d) => (out += String(d)));
    proc.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

describe('a sync killed mid-way', () => {
  it('leaves the previous complete state of every scope readable', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'calabi.duckdb');
      const first = await child(path, 'gen1', 5_000);
      expect(first.out).toContain('done');

      const killed = await child(path, 'gen2', 400_000, 'writing-big-scope');
      expect(killed.signal).toBe('SIGKILL');
      expect(killed.out).not.toContain('done');

      const db = await Database.open(path);
      try {
        const byGen = await db.all<{ region: string; generation: string; n: number }>(
          'SELECT region, generation, count(*) AS n FROM aws_test_items GROUP BY ALL ORDER BY region, generation',
        );
        const eu = byGen.filter((r) => r.region === 'eu-west-1');
        // One generation only, and complete: either the old 5,000 rows or the new 400,000, never a mixture.
        expect(eu).toHaveLength(1);
        expect(eu[0]!.n).toBe(eu[0]!.generation === 'gen1' ? 5_000 : 400_000);
        const us = byGen.filter((r) => r.region === 'us-east-1');
        expect(us).toHaveLength(1);
        expect(us[0]!.n).toBe(10);
        // The interrupted run is visible as such.
        const runs = await db.all<{ status: string }>('SELECT status FROM sync_runs ORDER BY started_at');
        expect(runs.map((r) => r.status)).toEqual(['ok', 'running']);
      } finally {
        db.close();
      }
    } finally {
      cleanup();
    }
  });
});
