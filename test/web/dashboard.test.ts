import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../api/server.js';
import { evaluateBenchmark } from '../../controls/engine.js';
import type { Database } from '../../schema/db.js';
import { openDemoPage, type DemoPage } from '../support/demo-page.js';

/**
 * The page against a real server on loopback, with the bundled demo account loaded and evaluated, driven by
 * Debian's chromium. Screenshots go to test-artifacts/ for a person to look at.
 */
const artifacts = join(process.cwd(), 'test-artifacts');

let demo: DemoPage | undefined;
let db: Database;
let server: RunningServer;
let browser: Browser;
let page: Page;
let report: any;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  demo = await openDemoPage({
    prepare: async (db) => {
      await evaluateBenchmark({ db, benchmarkId: 'cis-aws-3.0', trigger: 'demo' });
    },
  });
  ({ db, server, browser, page } = demo);
  report = await (await fetch(`${server.url}api/benchmarks/cis-aws-3.0/report`)).json();
}, 120_000);

afterAll(() => demo?.close());

async function openDashboard() {
  await page.goto(`${server.url}#/dashboard`);
  await page.locator('#controls tbody tr.row').first().waitFor();
}

describe('dashboard', () => {
  it('prints the score formula beside the score, and coverage with the age of the oldest data beside it', async () => {
    await openDashboard();
    const s = report.summary;
    expect(s.score_formula).toBe('PASS / (PASS + FAIL + ERROR)');
    expect(s.coverage).toEqual({ trusted: s.pass + s.fail + s.skip, automated: s.pass + s.fail + s.skip + s.error });
    expect(s.oldest_data_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    await expect.poll(() => page.locator('.card.score .formula').textContent()).toBe('= PASS / (PASS + FAIL + ERROR)');
    const coverage = page.locator('.card.coverage');
    expect(await coverage.locator('.big').textContent()).toBe(`${s.coverage.trusted} / ${s.coverage.automated}`);
    expect(await coverage.textContent()).toContain('automated requirements with a trustworthy verdict (PASS, FAIL or SKIP)');
    expect(await coverage.locator('.oldest').textContent()).toMatch(/^Oldest data: .+ \(\d+ (min|h|days) before the scan\)$/);
  });

  it('shows the summary of the demo account: score, failed by severity, counts, and every requirement', async () => {
    await openDashboard();
    const s = report.summary;
    await expect.poll(() => page.locator('.card.score .big').textContent()).toBe(`${Math.round(s.score * 10) / 10}%`);
    expect(await page.locator('#dash-title').textContent()).toBe('CIS Amazon Web Services Foundations Benchmark 3.0.0');
    const cards = await page.locator('.summary .card').allTextContents();
    expect(cards[1]).toContain(String(s.critical_failed));
    expect(cards[2]).toContain(String(s.high_failed));
    expect(await page.locator('#controls tbody tr.row').count()).toBe(report.controls.length);
    // CIS's own label beside the status: 1.1 is labelled Manual (and is MANUAL), 1.4 Automated.
    expect(await page.locator('#controls thead th').allTextContents()).toContain('CIS assessment');
    expect(await page.locator('#controls tr[data-id="1.1"] td.assessment').textContent()).toBe('Manual');
    expect(await page.locator('#controls tr[data-id="1.4"] td.assessment').textContent()).toBe('Automated');
    expect(await page.locator('#controls tbody tr.row .badge.status-fail').count()).toBe(s.fail);
    await page.screenshot({ path: join(artifacts, 'dashboard.png'), fullPage: false });
  });

  it('filters by status and severity and sorts by a column from the keyboard', async () => {
    await openDashboard();
    await page.getByLabel('Fail', { exact: true }).check();
    await page.getByLabel('Severity').selectOption('high');
    const expected = report.controls.filter((c: any) => c.status === 'FAIL' && c.severity === 'high').length;
    await expect.poll(() => page.locator('#controls tbody tr.row').count()).toBe(expected);
    await page.locator('th[data-sort=affected] button').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('th[data-sort=affected]').getAttribute('aria-sort')).toBe('descending');
    const affected = (await page.locator('#controls tbody tr.row td.affected').allTextContents()).map(Number);
    expect(affected).toEqual([...affected].sort((a, b) => b - a));
    await page.keyboard.press('Enter');
    expect(await page.locator('th[data-sort=affected]').getAttribute('aria-sort')).toBe('ascending');
    await page.screenshot({ path: join(artifacts, 'dashboard-filtered.png') });
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('#controls tbody tr.row').count()).toBe(report.controls.length);
  });

  it('expands a control to its description, remediation steps, documentation and affected resources', async () => {
    await openDashboard();
    const control = report.controls.find((c: any) => c.status === 'FAIL' && c.id === '5.2') ?? report.controls.find((c: any) => c.status === 'FAIL');
    const detail = await (await fetch(`${server.url}api/benchmarks/cis-aws-3.0/controls/${control.id}`)).json();
    const toggle = page.locator(`#controls tr[data-id="${control.id}"] button.disclose`);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const box = page.locator('tr.detail .detail-body');
    await box.locator('table.resources').waitFor();
    const text = await box.textContent();
    expect(text).toContain(detail.control.remediation[0]);
    expect(text).toContain(detail.resources[0].resource_id);
    expect(await box.locator('table.resources tbody tr').count()).toBe(detail.resources.length);
    expect(await box.locator('.links a').first().getAttribute('href')).toBe(detail.control.links[0]);
    // The cross-framework view: the other benchmarks' requirements the same checks decide.
    const elsewhere = detail.control.checks.flatMap((c: any) => c.requirements).filter((r: any) => r.benchmark_id !== 'cis-aws-3.0');
    expect(elsewhere.length).toBeGreaterThan(0);
    const served = await box.locator('.served-elsewhere').textContent();
    for (const r of elsewhere) expect(served).toContain(`${r.benchmark_id} ${r.id}`);
    await box.screenshot({ path: join(artifacts, 'control-detail.png') });
    await page.screenshot({ path: join(artifacts, 'dashboard-expanded.png') });
  });

  it('runs a scan from the page and shows each requirement as its result streams in', async () => {
    await openDashboard();
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as any).__runStatus = seen;
      new MutationObserver(() => seen.push(document.getElementById('run-status')!.textContent ?? '')).observe(document.getElementById('run-status')!, { childList: true, characterData: true, subtree: true });
    });
    const before = report.scan.id;
    await page.getByRole('button', { name: 'Run now' }).click();
    await page.locator('#run-status', { hasText: 'Done: score' }).waitFor({ timeout: 60_000 });
    const seen: string[] = await page.evaluate(() => (window as any).__runStatus);
    const progress = seen.filter((t) => /requirements evaluated/.test(t));
    // Several events can arrive in one network chunk and render in one frame, so not every step is observed;
    // what matters is that results appeared one after another before the summary.
    expect(new Set(progress).size).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatch(new RegExp(`\\d+ of ${report.controls.length} requirements evaluated`));
    expect(await page.locator('#run-bar').evaluate((el) => (el as HTMLProgressElement).value)).toBe(report.controls.length);
    await expect.poll(() => page.locator('#scan-info').textContent()).toContain('api');
    const latest = await (await fetch(`${server.url}api/benchmarks/cis-aws-3.0/report`)).json();
    expect(latest.scan.id).not.toBe(before);
    await page.screenshot({ path: join(artifacts, 'run-now.png') });
  });

  it('builds the table row by row from the stream for a benchmark that was never scanned', async () => {
    await openDashboard();
    await page.locator('#benchmark').selectOption('cis-aws-1.4');
    await page.locator('#notice', { hasText: 'No completed scan of cis-aws-1.4 yet' }).waitFor();
    expect(await page.locator('#controls tbody tr.row').count()).toBe(0);
    expect(await page.locator('#run-sync').isVisible()).toBe(false); // this server has no AWS access
    await page.getByRole('button', { name: 'Run now' }).click();
    await page.locator('#run-status', { hasText: 'Done: score' }).waitFor({ timeout: 60_000 });
    // The report reloads after the stream ends; on a loaded machine that takes longer than poll's 1 s default.
    await expect.poll(() => page.locator('#dash-title').textContent(), { timeout: 15_000 }).toContain('1.4.0');
    expect(await page.locator('#controls tbody tr.row').count()).toBe(58);
    await page.locator('#benchmark').selectOption('cis-aws-3.0');
    await expect.poll(() => page.locator('#dash-title').textContent(), { timeout: 15_000 }).toContain('3.0.0');
  });

  it('shows the scan history with a score trend chart', async () => {
    await page.goto(`${server.url}#/history`);
    await page.locator('#scans tbody tr').nth(1).waitFor();
    expect(await page.locator('#trend-chart svg circle').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#trend-chart svg title').first().textContent()).toBe('Score trend');
    // Each scan's coverage and the age of its data, kept with the scan.
    const cells = await page.locator('#scans tbody tr').first().locator('td').allTextContents();
    expect(cells[7]).toMatch(/^\d+ \/ \d+$/);
    expect(cells[8]).not.toBe('—');
    await page.screenshot({ path: join(artifacts, 'history.png') });
  });
});

describe('SQL console', () => {
  it('runs a query, shows the rows and the schema beside it, and downloads them as CSV', async () => {
    await page.goto(`${server.url}#/console`);
    await page.locator('#schema-list details[data-name="aws_s3_buckets"]').waitFor();
    await page.getByLabel(/Query/).fill("SELECT name, encryption_algorithm, raw->'bucket'->>'Name' AS raw_name FROM aws_s3_buckets ORDER BY name");
    await page.getByRole('button', { name: 'Run query' }).click();
    await page.locator('#sql-result table tbody tr').first().waitFor();
    expect(await page.locator('#sql-result table tbody tr').count()).toBe(3);
    expect(await page.locator('#sql-result table tbody tr').first().locator('td').allTextContents()).toEqual(['acme-prod-backups', 'AES256', 'acme-prod-backups']);
    expect(await page.locator('#sql-status').textContent()).toMatch(/^3 rows in/);
    await page.locator('#schema-list details[data-name="aws_s3_buckets"] summary').click();
    await page.screenshot({ path: join(artifacts, 'console.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('name,encryption_algorithm,raw_name');
    // The header and three rows, each ended by CRLF as every Calabi CSV (the server's one writer writes it).
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n').slice(0, -1)).toHaveLength(4);
  });

  it('shows a refused statement with the reason', async () => {
    await page.goto(`${server.url}#/console`);
    await page.getByLabel(/Query/).fill("SELECT * FROM read_csv('/etc/passwd')");
    await page.keyboard.press('Control+Enter');
    await page.locator('.sql-error').waitFor();
    expect(await page.locator('.sql-error').textContent()).toContain('disabled by configuration');
    await page.screenshot({ path: join(artifacts, 'console-refused.png') });
  });
});

describe('token', () => {
  it('asks for the token once, then loads the dashboard with it', async () => {
    const guarded = await startServer({ db, host: '127.0.0.1', port: 0, token: 'browser-test-token-123' });
    try {
      const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await p.goto(guarded.url);
      const dialog = p.locator('#token-dialog');
      await dialog.waitFor({ state: 'visible' });
      await p.screenshot({ path: join(artifacts, 'token.png') });
      await p.getByLabel('Token', { exact: true }).fill('browser-test-token-123');
      await p.getByRole('button', { name: 'Continue' }).click();
      await p.locator('#controls tbody tr.row').first().waitFor();
      expect(await dialog.isVisible()).toBe(false);
      await p.close();
    } finally {
      await guarded.close();
    }
  });
});
