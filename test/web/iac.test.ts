import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../api/server.js';
import { runIac } from '../../cli/commands/iac.js';
import { sandboxConfig } from '../../console/index.js';
import { evaluateBenchmark } from '../../controls/engine.js';
import { loadSample } from '../../demo/sample.js';
import { Database } from '../../schema/db.js';
import { launchChromium } from '../support/browser.js';
import { tempDir } from '../support/db.js';
import { fixturePath } from '../sources/terraform/support.js';

/**
 * The page in Chromium against two real servers on loopback: one serving a saved IaC database (`calabi iac
 * --save`), one serving a live database (the demo account, evaluated) where a plan is uploaded in the IaC view.
 */
const artifacts = join(process.cwd(), 'test-artifacts');
let dir: { dir: string; cleanup: () => void };
let iacDb: Database;
let liveDb: Database;
let iacServer: RunningServer;
let liveServer: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  dir = tempDir();
  const file = join(dir.dir, 'plan-scans.duckdb');
  await runIac(fixturePath('synthetic-compute-storage.json'), { benchmark: 'cis-aws-3.0', format: 'json', failOn: 'low', save: file });
  iacDb = await Database.open(file, { config: sandboxConfig() });
  iacServer = await startServer({ db: iacDb, host: '127.0.0.1', port: 0 });
  liveDb = await Database.open(join(dir.dir, 'live.duckdb'), { config: sandboxConfig() });
  await loadSample(liveDb);
  await evaluateBenchmark({ db: liveDb, benchmarkId: 'cis-aws-3.0', trigger: 'demo' });
  liveServer = await startServer({ db: liveDb, host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await iacServer?.close();
  await liveServer?.close();
  iacDb?.close();
  liveDb?.close();
  dir?.cleanup();
});

describe('an IaC scan on the page', () => {
  it('shows NOT VERIFIABLE rows, their filter and count, and both scores with formulas', async () => {
    const report = await (await fetch(`${iacServer.url}api/benchmarks/cis-aws-3.0/report`)).json() as any;
    const s = report.summary;
    await page.goto(`${iacServer.url}#/dashboard`);
    await page.locator('#controls tbody tr.row').first().waitFor();
    await page.evaluate(() => localStorage.setItem('calabi.benchmark', 'cis-aws-3.0'));
    await page.reload();
    await page.locator('.iac-scores').first().waitFor();
    expect(await page.locator('#controls tbody tr.row .badge.status-not-verifiable').count()).toBe(s.not_verifiable);
    expect(await page.locator('#run-now').isHidden()).toBe(true);
    expect(await page.locator('#controls tr[data-id="1.4"] .badge').last().textContent()).toBe('not verifiable');
    const card = page.locator('.summary .iac-scores');
    expect(await card.locator('[data-score="verifiable-score"]').textContent()).toBe('57.1%');
    expect(await card.locator('[data-score="overall-score"]').textContent()).toBe('6.9%');
    const text = await card.textContent();
    expect(text).toContain(`verifiable score = PASS / (PASS + FAIL) = ${s.pass} / (${s.pass} + ${s.fail})`);
    expect(text).toContain(`overall = PASS / (PASS + FAIL + NOT VERIFIABLE) = ${s.pass} / (${s.pass} + ${s.fail} + ${s.not_verifiable})`);
    // Section rows reconcile with the table: the not-verifiable column sums to the count.
    const cells = await card.locator('table.iac-sections tbody tr td:nth-child(6)').allTextContents();
    expect(cells.map(Number).reduce((a, b) => a + b, 0)).toBe(s.not_verifiable);
    await card.screenshot({ path: join(artifacts, 'iac-scores.png') });
    await page.getByLabel('Not verifiable', { exact: true }).check();
    await expect.poll(() => page.locator('#controls tbody tr.row').count()).toBe(s.not_verifiable);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    // A requirement with a resource whose values are unknown until apply lists it, with why.
    await page.locator('#controls tr[data-id="5.6"] button.disclose').click();
    const nv = page.locator('tr.detail table.not-verifiable');
    await nv.waitFor();
    expect(await nv.textContent()).toMatch(/aws_instance\.computed.*metadata_http_tokens .*known only after apply/);
    await page.screenshot({ path: join(artifacts, 'iac-dashboard.png') });
  }, 60_000);

  it('lists the IaC scan in history with its NOT VERIFIABLE count and both scores', async () => {
    await page.goto(`${iacServer.url}#/history`);
    const row = page.locator('#scans tbody tr').first();
    await row.locator('td').nth(3).waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(9, 12)).toEqual(['51', '57.1%', '6.9%']);
  }, 30_000);
});

describe('the IaC view on a live server', () => {
  it("uploads a plan and shows its verdicts beside the live ones with the drift label", async () => {
    await page.goto(`${liveServer.url}#/iac`);
    await page.locator('#iac-file').setInputFiles(fixturePath('synthetic-compute-storage.json'));
    await page.locator('#iac-benchmark').selectOption('cis-aws-3.0');
    await page.getByRole('button', { name: 'Audit plan' }).click();
    const table = page.locator('#iac-table');
    await table.waitFor({ timeout: 60_000 });
    const row = (id: string) => table.locator(`tr.row[data-id="${id}"]`);
    expect(await row('1.18').locator('td.drift').textContent()).toBe('plan fixes');
    expect(await row('1.18').locator('td.live-status').textContent()).toBe('fail');
    expect(await row('2.3.1').locator('td.drift').textContent()).toBe('plan breaks');
    expect(await row('1.4').locator('td.plan-status').textContent()).toBe('not verifiable');
    expect(await row('1.4').locator('td.drift').textContent()).toBe('unknown');
    expect(await page.locator('.iac-report [data-score="verifiable"]').textContent()).toBe('57.1%');
    expect(await page.locator('.iac-report [data-score="overall"]').textContent()).toBe('6.9%');
    await page.getByRole('button', { name: /^plan breaks 1$/ }).click();
    await expect.poll(() => table.locator('tr.row').count()).toBe(1);
    await page.screenshot({ path: join(artifacts, 'iac-upload.png'), fullPage: true });
  }, 90_000);
});
