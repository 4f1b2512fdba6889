import { execFileSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../controls/engine.js';
import { loadSample } from '../../demo/sample.js';
import { exportScan } from '../../reports/export.js';
import { remediationPlan } from '../../reports/plan-data.js';
import { loadCatalog } from '../../controls/loader.js';
import type { RemediationPlan } from '../../reports/remediation-plan.js';
import type { Database } from '../../schema/db.js';
import { resolveScan, type Scan } from '../../schema/scans.js';
import { memoryDb, tempDir } from '../support/db.js';
import { decodePng, pixelStats } from '../support/png.js';

/**
 * The PDF's one-page summary on the sample account, CIS 3.0 evaluated twice (a bucket fixed in between, so the
 * history has two points): page 1 rendered by pdftoppm must carry drawn charts, and pdftotext must find its figures.
 */
let db: Database;
let tmp: ReturnType<typeof tempDir>;
let scan: Scan;
let file: string;
let plan: RemediationPlan;

beforeAll(async () => {
  db = await memoryDb();
  tmp = tempDir();
  await loadSample(db);
  await evaluateBenchmark({ db, benchmarkId: 'cis-aws-3.0' });
  await db.run("UPDATE aws_s3_buckets SET block_public_acls = true, ignore_public_acls = true, block_public_policy = true, restrict_public_buckets = true");
  await evaluateBenchmark({ db, benchmarkId: 'cis-aws-3.0' });
  scan = await resolveScan(db, 'latest', 'cis-aws-3.0');
  plan = await remediationPlan(db, loadCatalog({ env: {} }), { benchmarkId: 'cis-aws-3.0', scan: scan.id });
  file = join(tmp.dir, 'r.pdf');
  await exportScan(db, scan, createWriteStream(file), { format: 'pdf', organization: 'Acme Corp' });
}, 300_000);
afterAll(() => {
  db?.close();
  tmp?.cleanup();
});

const page = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });

describe('PDF summary page', () => {
  it('draws charts on page 1: rendered to PNG it is far from blank and uses the status and score colours', () => {
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-png', '-singlefile', file, join(tmp.dir, 'page1')]);
    const img = decodePng(readFileSync(join(tmp.dir, 'page1.png')));
    const stats = pixelStats(img);
    expect(stats.variance).toBeGreaterThan(500);
    expect(stats.colours).toBeGreaterThan(20);
    // Text alone covers a few percent of a page; the gauge, bars and trend frame cover much more.
    expect(stats.nonWhite).toBeGreaterThan(0.08 * img.width * img.height);
  });

  it('prints on page 1 the score, the status counts, failed by severity, the trend and the first items of the plan', () => {
    const text = page(1);
    expect(text).toContain('Summary');
    expect(text).toContain(`${Math.round(scan.score! * 10) / 10}%`);
    expect(text).toContain('Score = PASS / (PASS + FAIL + ERROR)');
    expect(text).toContain(`PASS ${scan.pass}`);
    expect(text).toContain(`FAIL ${scan.fail}`);
    expect(text).toContain('Failed by severity');
    expect(text).toContain('Score over the retained history (2 scans)');
    const first = plan.phases[0]!.items[0]!;
    expect(text).toContain(`1. ${first.title.slice(0, 40)}`);
    const own = plan.phases[0]!.projected.find((p) => p.benchmark_id === 'cis-aws-3.0')!;
    expect(text).toContain(`score after phase 1 (critical and high, ${plan.phases[0]!.items.length} check(s)): ${Math.round(own.score! * 10) / 10}%`);
  });

  it('keeps the report header on page 2 and adds the remediation plan section with each phase and step', () => {
    expect(page(2)).toContain('Calabi compliance report');
    const all = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(all).toContain('Remediation plan');
    expect(all).toContain('Phase 1: Critical and high');
    expect(all).toContain(plan.phases[0]!.items[0]!.remediation[0]!.slice(0, 30));
  });
});
