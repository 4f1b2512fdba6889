import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../schema/db.js';
import { exportScan, type ExportOptions } from '../../reports/export.js';
import { csvLine, parseCsv } from '../../reports/csv.js';
import { recomputeReportId } from '../../reports/report-id.js';
import { resolveScan } from '../../schema/scans.js';
import { verifyExport } from '../../reports/verify.js';
import { memoryDb, tempDir } from '../support/db.js';
import { seedScan } from '../../testkit/seed-scan.js';

let db: Database;
let tmp: ReturnType<typeof tempDir>;

async function seed(id: string): Promise<void> {
  await seedScan(db, {
    id,
    reportId: null,
    controls: [
      { id: '1.8', status: 'FAIL', checks: ['iam_password_policy_min_length_14'] },
      { id: '2.1.1', status: 'FAIL', checks: ['s3_bucket_denies_http'] },
      { id: '3.1', status: 'PASS', checks: ['cloudtrail_multi_region_enabled'] },
    ],
    findings: [
      { control: '1.8', resource: 'arn:aws:iam::123456789012:root', reason: 'no password policy' },
      { control: '2.1.1', resource: 'arn:aws:s3:::acme-logs', reason: 'allows HTTP' },
      { control: '2.1.1', resource: '=HYPERLINK("http://x","y")', reason: 'allows HTTP' },
    ],
  });
  await db.run('UPDATE scans SET report_id = ? WHERE id = ?', [await recomputeReportId(db, id), id]);
}

beforeAll(async () => {
  db = await memoryDb();
  tmp = tempDir();
  await seed('scan-v1');
  await seed('scan-v2');
});
afterAll(() => {
  db?.close();
  tmp?.cleanup();
});

async function exportTo(scanId: string, name: string, options: ExportOptions): Promise<string> {
  const file = join(tmp.dir, name);
  await exportScan(db, await resolveScan(db, scanId), createWriteStream(file), options);
  return file;
}

describe('verifyExport', () => {
  it.each([
    ['controls CSV', 'a.csv', { format: 'csv' } as ExportOptions],
    ['findings CSV', 'b.csv', { format: 'csv', level: 'findings' } as ExportOptions],
    ['XLSX', 'c.xlsx', { format: 'xlsx' } as ExportOptions],
    ['PDF', 'd.pdf', { format: 'pdf' } as ExportOptions],
  ])('says match for an untouched %s', async (_label, name, options) => {
    const result = await verifyExport(db, await exportTo('scan-v1', name, options));
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result).toMatchObject({ ok: true, scanId: 'scan-v1', fileReportId: result.storedReportId });
    expect(result.checks.length).toBeGreaterThanOrEqual(options.format === 'pdf' ? 2 : 3);
  });

  it('continues findings on "Findings (2)" past the per-sheet limit and still verifies', async () => {
    const file = await exportTo('scan-v1', 'split.xlsx', { format: 'xlsx', maxRowsPerSheet: 2 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => [w.name, w.rowCount])).toEqual([['Summary', expect.any(Number)], ['Controls', 4], ['Findings', 3], ['Findings (2)', 2]]);
    const result = await verifyExport(db, file);
    expect(result.checks.find((c) => c.name === 'findings rows')).toMatchObject({ ok: true, detail: '3 findings row(s) equal the stored scan' });
    expect(result.ok).toBe(true);
  });

  it('says mismatch when a cell of the CSV was edited', async () => {
    const file = await exportTo('scan-v1', 'edit.csv', { format: 'csv' });
    writeFileSync(file, readFileSync(file, 'utf8').replace(',FAIL,', ',PASS,'));
    const result = await verifyExport(db, file);
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.name === 'controls rows')).toMatchObject({ ok: false });
    expect(result.checks.find((c) => c.name === 'report id')).toMatchObject({ ok: true });
  });

  it('says mismatch, not a crash, when an edit left the CSV with an unclosed quote', async () => {
    const file = await exportTo('scan-v1', 'quote.csv', { format: 'csv', level: 'findings' });
    writeFileSync(file, readFileSync(file, 'utf8').replace('allows HTTP', '"allows HTTP'));
    const result = await verifyExport(db, file);
    expect(result.ok).toBe(false);
    expect(result.checks).toEqual([expect.objectContaining({ name: 'file is well-formed', ok: false, detail: expect.stringMatching(/not well-formed CSV.*edited after export/) })]);
  });

  it('says mismatch when the score or coverage of a CSV was edited, and still verifies a CSV written before those columns', async () => {
    const file = await exportTo('scan-v1', 'score.csv', { format: 'csv' });
    const text = readFileSync(file, 'utf8');
    const scored = /,(\d+(?:\.\d)?%|n\/a),(\d+\/\d+),/.exec(text)!;
    writeFileSync(file, text.replaceAll(scored[0], ',100%,' + scored[2] + ','));
    expect((await verifyExport(db, file)).checks.find((c) => c.name === 'controls rows')).toMatchObject({ ok: false });
    // An older export: no score, coverage and oldest-data columns before the scan and report id.
    const rows = [...parseCsv(text)].filter((r) => r.length > 1).map((r) => [...r.slice(0, -5), ...r.slice(-2)]);
    writeFileSync(file, '\uFEFF' + rows.map((r) => csvLine(r)).join(''));
    expect((await verifyExport(db, file)).ok).toBe(true);
  });

  it('says mismatch when the stored results changed after the export', async () => {
    const file = await exportTo('scan-v2', 'v2.xlsx', { format: 'xlsx' });
    const pdf = await exportTo('scan-v2', 'v2.pdf', { format: 'pdf' });
    // A seeded scan keeps its findings per requirement (testkit/seed-scan.ts); findings is a view over them.
    await db.run("DELETE FROM requirement_findings WHERE scan_id = 'scan-v2' AND resource_id = 'arn:aws:s3:::acme-logs'");
    for (const f of [file, pdf]) {
      const result = await verifyExport(db, f);
      expect(result.ok).toBe(false);
      expect(result.checks.find((c) => c.name === 'report id')).toMatchObject({ ok: false });
      expect(result.checks.find((c) => c.name === 'stored scan unchanged')).toMatchObject({ ok: false });
    }
  });

  it('says mismatch for a file whose scan is not in the database', async () => {
    const file = await exportTo('scan-v1', 'gone.csv', { format: 'csv' });
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('scan-v1', 'scan-zz'));
    const result = await verifyExport(db, file);
    expect(result.ok).toBe(false);
    expect(result.checks[0]!.detail).toMatch(/scan scan-zz is not in this database/);
  });
});
