import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxConfig } from '../../console/index.js';
import { startServer, type RunningServer } from '../../api/server.js';
import { Database } from '../../schema/db.js';
import { tempDir } from '../support/db.js';

// Review: issue 5 "paused and deleted through … the page" — the Pause / Resume / Delete buttons of the schedule table.
let dir: { dir: string; cleanup: () => void };
let db: Database;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = tempDir();
  db = await Database.open(join(dir.dir, 'p.duckdb'), { config: sandboxConfig() });
  server = await startServer({ db, host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('dialog', (d) => void d.accept());
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  db?.close();
  dir?.cleanup();
});

const api = async (path: string) => (await (await fetch(`${server.url}${path.slice(1)}`)).json()) as any;

describe('schedule table on the page', () => {
  it('pauses, resumes and deletes a schedule, and the server agrees each time', async () => {
    const res = await fetch(`${server.url}api/schedules`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: server.url.replace(/\/$/, '') },
      body: JSON.stringify({ benchmark_id: 'cis-aws-3.0', frequency: 'daily', time_of_day: '06:00', timezone: 'UTC' }),
    });
    expect(res.status).toBe(201);
    await page.goto(`${server.url}#/schedules`);
    const row = page.locator('#schedule-table tbody tr').first();
    await row.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(async () => (await api('/api/schedules')).schedules[0].paused).toBe(true);
    await expect.poll(() => row.textContent()).toContain('paused');
    await row.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(async () => (await api('/api/schedules')).schedules[0].paused).toBe(false);
    await page.locator('#schedule-table tbody tr').first().getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => (await api('/api/schedules')).schedules.length).toBe(0);
    await expect.poll(() => page.locator('#schedule-table tbody').textContent()).not.toContain('06:00');
  }, 60_000);
});
