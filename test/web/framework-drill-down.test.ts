import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server.js';
import { evaluateBenchmark } from '../../controls/engine.js';
import type { Database } from '../../schema/db.js';
import { openDemoPage, type DemoPage } from '../support/demo-page.js';

/**
 * The page's drill-down of a NIST 800-53 requirement mapped to many checks, against a real server with the demo
 * account evaluated: which checks failed and which passed, each with its findings, and the NIST placement.
 */
const artifacts = join(process.cwd(), 'test-artifacts');
let demo: DemoPage | undefined;
let db: Database;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  demo = await openDemoPage({
    prepare: async (db) => {
      await evaluateBenchmark({ db, benchmarkId: 'nist-800-53-r5', trigger: 'demo' });
    },
  });
  ({ db, server, browser, page } = demo);
}, 180_000);

afterAll(() => demo?.close());

describe('framework drill-down on the page', () => {
  it('lists each check of a many-check requirement with its own verdict and findings, failed first', async () => {
    const report = await (await fetch(`${server.url}api/benchmarks/nist-800-53-r5/report`)).json() as any;
    let detail: any;
    for (const c of report.controls.filter((x: any) => x.status === 'FAIL' && x.check_ids.length > 3)) {
      const d = await (await fetch(`${server.url}api/benchmarks/nist-800-53-r5/controls/${encodeURIComponent(c.id)}`)).json() as any;
      if (d.control.checks.some((k: any) => k.status === 'PASS')) { detail = d; break; }
    }
    expect(detail, 'a failing NIST requirement with a passing check among several').toBeDefined();
    const id = detail.control.id;
    await page.goto(`${server.url}#/dashboard`);
    await page.locator('#controls tbody tr.row').first().waitFor();
    await page.locator(`#controls tr[data-id="${id}"] button.disclose`).click();
    const box = page.locator('tr.detail .detail-body');
    await box.locator('table.checks').waitFor();
    const rows = box.locator('table.checks tbody tr');
    expect(await rows.count()).toBe(detail.control.checks.length);
    expect(await rows.first().locator('td.status').textContent()).toMatch(/fail/i);
    const failing = detail.control.checks.find((k: any) => k.status === 'FAIL');
    expect(await box.locator(`table.checks tr[data-check="${failing.id}"] td`).nth(2).textContent()).toBe(String(failing.findings_total));
    const passing = detail.control.checks.find((k: any) => k.status === 'PASS');
    expect(await box.locator(`table.checks tr[data-check="${passing.id}"] td.status`).textContent()).toMatch(/pass/i);
    // Findings name the check that returned them.
    expect(await box.locator('table.resources tbody tr').first().locator('td').first().textContent()).toBe(detail.resources[0] && detail.control.checks.find((k: any) => k.findings_total > 0).id);
    expect(await box.locator('p.attributes').textContent()).toBe(`NIST family ${detail.control.attributes.family} (${detail.control.attributes.family_title}), control ${detail.control.attributes.control}${detail.control.attributes.enhancement ? `, enhancement ${detail.control.attributes.enhancement}` : ''}`);
    await box.screenshot({ path: join(artifacts, 'nist-drill-down.png') });
  });
});
