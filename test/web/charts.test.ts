import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server.js';
import { evaluateBenchmark } from '../../controls/engine.js';
import type { Database } from '../../schema/db.js';
import { openDemoPage, type DemoPage } from '../support/demo-page.js';
import { decodePng, pixelStats } from '../support/png.js';

/**
 * The dashboard's charts and the Remediation plan view in Chromium, on the sample account with CIS 3.0 evaluated
 * twice (the history has two points) and FSBP once. Each chart is screenshot and must not be blank.
 */
let demo: DemoPage | undefined;
let db: Database;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  demo = await openDemoPage({
    prepare: async (db) => {
      await evaluateBenchmark({ db, benchmarkId: 'cis-aws-3.0', trigger: 'demo' });
      await db.run('UPDATE aws_s3_buckets SET block_public_acls = true, ignore_public_acls = true, block_public_policy = true, restrict_public_buckets = true');
      await evaluateBenchmark({ db, benchmarkId: 'cis-aws-3.0', trigger: 'demo' });
      await evaluateBenchmark({ db, benchmarkId: 'aws-fsbp', trigger: 'demo' });
    },
    viewport: { width: 1280, height: 900 },
    benchmark: 'cis-aws-3.0',
  });
  ({ db, server, browser, page } = demo);
}, 300_000);

afterAll(() => demo?.close());

async function notBlank(selector: string) {
  const png = await page.locator(selector).screenshot();
  return pixelStats(decodePng(png));
}

describe('dashboard charts', () => {
  it('draws the gauge, status, severity, section and trend charts, none of them blank', async () => {
    await page.goto(`${server.url}#/dashboard`);
    await page.locator('#chart-trend svg circle').nth(1).waitFor();
    for (const id of ['#chart-gauge svg', '#chart-status svg', '#chart-severity svg', '#chart-sections svg', '#chart-trend svg']) {
      const stats = await notBlank(id);
      expect(stats.variance, id).toBeGreaterThan(100);
      expect(stats.colours, id).toBeGreaterThan(8);
    }
    expect(await page.locator('#chart-trend svg circle').count()).toBe(2);
    expect(await page.locator('#chart-gauge svg > title').textContent()).toMatch(/^Score \d+(\.\d)?%$/);
    expect(await page.getByRole('img', { name: 'Failed requirements by severity' }).count()).toBe(1);
    await page.locator('#summary-charts').screenshot({ path: join(process.cwd(), 'test-artifacts', 'dashboard-charts.png') });
  }, 120_000);

  it('lists the first items of the remediation plan, the same as the API', async () => {
    const plan = await (await fetch(`${server.url}api/plan?benchmark=cis-aws-3.0`)).json();
    await page.goto(`${server.url}#/dashboard`);
    await page.locator('#chart-plan ol li').first().waitFor();
    const first = plan.phases[0].items[0];
    expect(await page.locator('#chart-plan ol li').first().textContent()).toContain(first.title);
  }, 120_000);
});

describe('Remediation plan view', () => {
  it('shows each phase with its checks, steps and the projected score of every selected framework', async () => {
    const plan = await (await fetch(`${server.url}api/plan?benchmark=cis-aws-3.0&frameworks=aws-fsbp`)).json();
    await page.goto(`${server.url}#/plan?frameworks=aws-fsbp`);
    await page.locator('.plan-phase').first().waitFor();
    expect(await page.locator('.plan-phase').count()).toBe(plan.phases.length);
    const first = plan.phases[0].items[0];
    const item = page.locator(`.plan-items li[data-check="${first.id}"]`);
    expect(await item.locator('.steps li').allTextContents()).toEqual(first.remediation);
    const row = await page.locator('#plan-scores tbody tr').nth(1).locator('td').allTextContents();
    expect(row).toEqual(plan.phases[0].projected.map((p: any) => `${Math.round(p.score * 10) / 10}%`));
    expect(await page.locator('#plan-form input[value="aws-fsbp"]').isChecked()).toBe(true);
    await page.screenshot({ path: join(process.cwd(), 'test-artifacts', 'remediation-plan.png') });
  }, 120_000);
});
