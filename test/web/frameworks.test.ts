import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server.js';
import { benchmarksInOrder } from '../../controls/benchmarks.js';
import { evaluateBenchmarks, loadCatalog } from '../../controls/engine.js';
import type { ScanReport } from '../../controls/types.js';
import type { Database } from '../../schema/db.js';
import { openDemoPage, type DemoPage } from '../support/demo-page.js';

/**
 * The Frameworks view, the dashboard's section scorecard and a failing resource's requirements across all
 * frameworks, on a real server with the demo inventory evaluated against every benchmark at once, in Chromium.
 */
const artifacts = join(process.cwd(), 'test-artifacts');
let demo: DemoPage | undefined;
let db: Database;
let server: RunningServer;
let browser: Browser;
let page: Page;
let reports: ScanReport[];

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  demo = await openDemoPage({
    prepare: async (db) => {
      reports = await evaluateBenchmarks({ db, benchmarkIds: benchmarksInOrder(loadCatalog()).map((b) => b.id), trigger: 'demo' });
    },
    benchmark: 'cis-aws-3.0',
  });
  ({ db, server, browser, page } = demo);
}, 600_000);

afterAll(() => demo?.close());

describe('frameworks on the page', () => {
  it('shows every benchmark side by side with the score and counts of its latest scan, and no note when they read one sync', async () => {
    await page.goto(`${server.url}#/frameworks`);
    await page.locator('#frameworks-table tbody tr').first().waitFor();
    expect(await page.locator('#frameworks-table tbody tr').count()).toBe(reports.length);
    for (const r of reports) {
      const row = page.locator(`#frameworks-table tr[data-id="${r.benchmark.id}"]`);
      expect(await row.locator('td.score').textContent(), r.benchmark.id).toBe(r.summary.score === null ? '—' : `${r.summary.score}%`);
      expect(await row.locator('td.fail').textContent()).toBe(String(r.summary.fail));
      expect(await row.locator('td.error').textContent()).toBe(String(r.summary.error));
      expect(await row.locator('td.sev-critical').textContent()).toBe(String(r.summary.critical_failed));
    }
    expect(await page.locator('.frameworks-note').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'frameworks.png'), fullPage: false });
  });

  it("shows the dashboard's section scorecard with a total row that sums the sections and the score beside its working", async () => {
    const report = reports.find((r) => r.benchmark.id === 'cis-aws-3.0')!;
    await page.goto(`${server.url}#/dashboard`);
    await page.locator('#scorecard-table tfoot tr.total').waitFor();
    const nums = async (row: ReturnType<Page['locator']>) => Promise.all(['controls', 'pass', 'fail', 'error', 'not-evaluable'].map(async (k) => Number(await row.locator(`td.${k}`).textContent())));
    const sections = page.locator('#scorecard-table tbody tr');
    const count = await sections.count();
    expect(count).toBe(new Set(report.controls.map((c) => c.section)).size);
    const sums = [0, 0, 0, 0, 0];
    for (let i = 0; i < count; i++) (await nums(sections.nth(i))).forEach((n, j) => (sums[j]! += n));
    const total = page.locator('#scorecard-table tfoot tr.total');
    expect(await nums(total)).toEqual(sums);
    const s = report.summary;
    expect(sums).toEqual([report.controls.length, s.pass, s.fail, s.error, s.skip + s.manual]);
    expect(await total.locator('td.score').textContent()).toBe(`${s.score}%${s.pass} / (${s.pass} + ${s.fail} + ${s.error})`);
    await page.screenshot({ path: join(artifacts, 'scorecard.png'), fullPage: true });
  });

  it('lists, from a failing resource of a requirement, every requirement it breaks across the frameworks', async () => {
    const report = reports.find((r) => r.benchmark.id === 'cis-aws-3.0')!;
    const failing = report.controls.find((c) => c.status === 'FAIL' && c.resources.length > 0)!;
    const resource = failing.resources[0]!.resource_id;
    const api = (await (await fetch(`${server.url}api/resources/requirements?resource_id=${encodeURIComponent(resource)}`)).json()) as { breaks: Array<{ benchmark_id: string; requirement_id: string }> };
    expect(api.breaks).toContainEqual(expect.objectContaining({ benchmark_id: 'cis-aws-3.0', requirement_id: failing.id }));
    expect(new Set(api.breaks.map((b) => b.benchmark_id)).size).toBeGreaterThan(1);

    await page.goto(`${server.url}#/dashboard`);
    await page.locator(`#controls tr[data-id="${failing.id}"] button.disclose`).click();
    const row = page.locator('table.resources tbody tr', { hasText: resource }).first();
    await row.locator('button.breaks').click();
    const list = page.locator('.breaks-list');
    await list.waitFor();
    expect(await list.locator('li').count()).toBe(new Set(api.breaks.map((b) => b.benchmark_id)).size);
    expect(await list.locator('li[data-benchmark="cis-aws-3.0"]').textContent()).toContain(failing.id);
    await page.screenshot({ path: join(artifacts, 'resource-frameworks.png'), fullPage: false });
  });
});
