import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmarks } from '../../controls/engine.js';
import type { ScanReport } from '../../controls/types.js';
import { loadSample } from '../../demo/sample.js';
import { exportScan } from '../../reports/export.js';
import type { Database } from '../../schema/db.js';
import { resolveScan } from '../../schema/scans.js';
import { memoryDb, tempDir } from '../support/db.js';

/** The section scorecard in the XLSX and PDF of real scans (CIS 3.0 and FSBP of the demo inventory): it adds up as printed. */
let db: Database;
let tmp: { dir: string; cleanup: () => void };
let reports: ScanReport[];

beforeAll(async () => {
  db = await memoryDb();
  tmp = tempDir();
  await loadSample(db);
  reports = await evaluateBenchmarks({ db, benchmarkIds: ['cis-aws-3.0', 'aws-fsbp'], trigger: 'test' });
}, 300_000);
afterAll(() => {
  db?.close();
  tmp?.cleanup();
});

async function exportTo(report: ScanReport, format: 'xlsx' | 'pdf'): Promise<string> {
  const file = join(tmp.dir, `${report.benchmark.id}.${format}`);
  const out = createWriteStream(file);
  await exportScan(db, await resolveScan(db, report.scan.id), out, { format, organization: 'Acme' });
  if (!out.closed) await finished(out);
  return file;
}

describe('section scorecard in the exports', () => {
  it('lists every section in the XLSX with a total row that is the sum of them, each score recomputable from its counts', async () => {
    for (const report of reports) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(await exportTo(report, 'xlsx'));
      const rows: unknown[][] = [];
      wb.getWorksheet('Summary')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      const head = rows.findIndex((r) => r[0] === 'Section' && r[2] === 'Requirements');
      expect(head, report.benchmark.id).toBeGreaterThan(0);
      const end = rows.findIndex((r, i) => i > head && r[0] === 'Total');
      const sections = rows.slice(head + 1, end);
      const total = rows[end]!;
      expect(sections.map((r) => r[0])).toEqual([...new Set(report.controls.map((c) => c.section))]);
      for (const col of [2, 3, 4, 5, 6]) expect(total[col]).toBe(sections.reduce((n, r) => n + (r[col] as number), 0));
      expect(total.slice(2, 7)).toEqual([report.controls.length, report.summary.pass, report.summary.fail, report.summary.error, report.summary.skip + report.summary.manual]);
      for (const r of [...sections, total]) {
        const [pass, fail, error] = [r[3], r[4], r[5]] as [number, number, number];
        expect(r[2]).toBe(pass + fail + error + (r[6] as number));
        const expected = pass + fail + error === 0 ? 'n/a' : `${Math.round((pass / (pass + fail + error)) * 1000) / 10}%`;
        expect(r[1]).toBe(expected);
      }
      expect(String(rows[end + 1]![0])).toContain('Score = PASS / (PASS + FAIL + ERROR)');
    }
  });

  it('prints the scorecard in the PDF with the total row and the working of the total score beside the formula', async () => {
    const report = reports[0]!;
    const text = execFileSync('pdftotext', ['-layout', await exportTo(report, 'pdf'), '-'], { encoding: 'utf8' });
    const s = report.summary;
    expect(text).toContain('Section scorecard');
    expect(text).toMatch(new RegExp(`Total\\s+${report.controls.length}\\s+${s.pass}\\s+${s.fail}\\s+${s.error}\\s+${s.skip + s.manual}\\s+${String(s.score).replace('.', '\\.')}%`));
    expect(text.replace(/\s+/g, ' ')).toContain(`Score = PASS / (PASS + FAIL + ERROR); total: ${s.score}% = ${s.pass} / (${s.pass} + ${s.fail} + ${s.error})`);
  });
});
