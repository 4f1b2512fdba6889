import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxConfig } from '../../console/index.js';
import { startServer, type RunningServer } from '../../api/server.js';
import { evaluateBenchmark } from '../../controls/engine.js';
import { loadSample } from '../../demo/sample.js';
import { createChannel } from '../../scheduler/channels.js';
import { deliver } from '../../scheduler/webhook.js';
import { parseAllowList } from '../../scheduler/destination.js';
import { Database } from '../../schema/db.js';
import { tempDir } from '../support/db.js';

/** Export buttons, schedules, failing channels, drift and version comparison on the page, in Debian's chromium. */
const artifacts = join(process.cwd(), 'test-artifacts');

let dir: { dir: string; cleanup: () => void };
let db: Database;
let server: RunningServer;
let browser: Browser;
let page: Page;
let broken: Server;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  dir = tempDir();
  db = await Database.open(join(dir.dir, 'demo.duckdb'), { config: sandboxConfig() });
  await loadSample(db);
  for (const b of ['cis-aws-1.4', 'cis-aws-1.5', 'cis-aws-3.0']) await evaluateBenchmark({ db, benchmarkId: b, trigger: 'demo' });
  // The drift view below needs the inventory to change between the two CIS 3.0 scans: a fixture that cannot
  // change it fails the setup here, loudly, rather than leaving the drift assertions to pass or fail by chance.
  const [ebs] = await db.all<{ n: bigint }>('SELECT count(*) AS n FROM aws_ec2_ebs_encryption_defaults');
  if (!ebs || Number(ebs.n) === 0) throw new Error('fixture: the demo sample has no aws_ec2_ebs_encryption_defaults rows to flip');
  await db.run('UPDATE aws_ec2_ebs_encryption_defaults SET enabled = NOT coalesce(enabled, false)');
  await evaluateBenchmark({ db, benchmarkId: 'cis-aws-3.0', trigger: 'demo' });
  broken = createServer((_req, res) => res.writeHead(503).end('maintenance'));
  await new Promise<void>((r) => broken.listen(0, '127.0.0.1', r));
  const ch = await createChannel(db, { name: 'ops-slack', url: `http://127.0.0.1:${(broken.address() as AddressInfo).port}/` }, new Date());
  await deliver(db, ch, { text: 'x' }, null, { backoffMs: [1, 1], allow: parseAllowList('127.0.0.1/32') });
  server = await startServer({ db, host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((r) => broken?.close(r));
  db?.close();
  dir?.cleanup();
});

describe('continuous compliance on the page', () => {
  it('downloads the report as XLSX from the Export buttons with the server file name', async () => {
    await page.goto(`${server.url}#/dashboard`);
    await page.locator('#controls tbody tr.row').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-export=xlsx]').click()]);
    expect(download.suggestedFilename()).toMatch(/^calabi-cis-aws-3\.0-\d{8}-\d{4}-[0-9a-f]{8}\.xlsx$/);
    const file = join(dir.dir, 'page.xlsx');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  it('adds a weekly schedule through the form and shows a failing channel prominently', async () => {
    await page.goto(`${server.url}#/schedules`);
    await page.locator('#schedule-form').waitFor();
    await expect.poll(() => page.locator('[data-failing-channel]').textContent()).toMatch(/ops-slack.*failing.*HTTP 503 Service Unavailable/);
    await page.locator('#schedule-form select[name=frequency]').selectOption('weekly');
    await page.locator('#schedule-form select[name=weekday]').selectOption('5');
    await page.locator('#schedule-form input[name=time_of_day]').fill('18:15');
    await page.locator('#schedule-form input[name=timezone]').fill('Europe/Berlin');
    await page.locator('#schedule-form input[name=alert_threshold]').fill('5');
    await page.locator('#schedule-form button[type=submit]').click();
    await expect.poll(() => page.locator('#schedule-table tbody').textContent()).toContain('weekly on Friday at 18:15 Europe/Berlin');
    expect(await page.locator('#channel-table tr.failing').count()).toBe(1);
    await page.locator('#schedule-table button[data-edit]').first().click();
    await page.locator('#schedule-form input[name=time_of_day]').fill('19:45');
    await page.locator('#schedule-form button[data-role=submit]').click();
    await expect.poll(() => page.locator('#schedule-table tbody').textContent()).toContain('weekly on Friday at 19:45 Europe/Berlin');
    expect(await page.locator('#schedule-table tbody tr').count()).toBe(1);
    await page.screenshot({ path: join(artifacts, 'schedules.png'), fullPage: true });
  });

  it('shows drift between the two latest scans and the CIS versions side by side', async () => {
    await page.goto(`${server.url}#/drift`);
    // Two scans' diff on a loaded machine takes longer than poll's 1 s default (as for the dashboard's reloads).
    await expect.poll(() => page.locator('#drift-root').textContent(), { timeout: 15_000 }).toMatch(/Requirements newly failing \(\d+\)/);
    await page.goto(`${server.url}#/compare`);
    await page.locator('#compare-table').waitFor();
    expect(await page.locator('#compare-table thead th').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^cis-aws-1\.4 · /), expect.stringMatching(/^cis-aws-3\.0 · /)]));
    expect(await page.locator('#compare-table tbody').textContent()).toContain('ec2_sg_no_admin_ports_open_ipv6');
    // The default is every CIS version: those without a scan are named, and the changed-meaning list is shown.
    expect(await page.locator('#compare-root').textContent()).toContain('Not evaluated yet, left out: cis-aws-2.0, cis-aws-4.0, cis-aws-5.0, cis-aws-6.0, cis-aws-7.0.');
    expect(await page.locator('#compare-changed').textContent()).toMatch(/^None: every requirement/);
  });
});
