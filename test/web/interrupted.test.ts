import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxConfig } from '../../console/index.js';
import { startServer, type RunningServer } from '../../api/server.js';
import { evaluateBenchmark } from '../../controls/engine.js';
import { closeInterruptedRuns } from '../../controls/interrupted.js';
import { loadSample } from '../../demo/sample.js';
import { Database } from '../../schema/db.js';
import { launchChromium } from '../support/browser.js';
import { tempDir } from '../support/db.js';

// Issue 17: a scan whose process was killed shows as interrupted on the page, not as a run that never ends.
let dir: { dir: string; cleanup: () => void };
let db: Database;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  dir = tempDir();
  db = await Database.open(join(dir.dir, 'demo.duckdb'), { config: sandboxConfig() });
  await loadSample(db);
  await evaluateBenchmark({ db, benchmarkId: 'cis-aws-3.0', trigger: 'demo' });
  // A scan left running by a process that no longer exists (pid beyond the kernel's maximum).
  await db.run(
    `INSERT INTO scans (id, benchmark_id, started_at, status, trigger, owner_pid, owner_host, owner_started_at)
     VALUES ('scan-of-a-killed-process', 'cis-aws-3.0', now() + INTERVAL 1 MINUTE, 'running', 'cli', 2147483646, 'gone-host', now())`,
  );
  await closeInterruptedRuns(db);
  server = await startServer({ db, host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  db?.close();
  dir?.cleanup();
});

describe('the history page', () => {
  it('shows a scan whose process was killed as interrupted, with why on hover, and no report link', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}#/history`);
    const row = page.locator('#scans tbody tr').first();
    await row.waitFor();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('interrupted: its process ended before it finished');
    expect(await row.locator('span.muted').getAttribute('title')).toMatch(/^interrupted: the process that ran it \(pid 2147483646 on gone-host\)/);
    expect(await row.locator('a').count()).toBe(0);
    await page.close();
  });
});
