import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../reports/csv.js';
import { exportScan, type ExportOptions } from '../../reports/export.js';
import { resolveScan } from '../../schema/scans.js';
import type { Database } from '../../schema/db.js';
import { seedScan } from '../../testkit/seed-scan.js';
import { memoryDb, tempDir } from '../support/db.js';

// Review: every one of the six dangerous leading characters (= + - @ tab CR), in resource names, reasons, control
// titles, sections and the organization, comes out as inert text in CSV (both levels) and in every XLSX sheet.
const prefixes = ['=', '+', '-', '@', '\t', '\r'];
const payload = (p: string) => `${p}HYPERLINK("http://evil","x")`;
const dangerous = /^[=+\-@\t\r]/;
let db: Database;
let tmp: ReturnType<typeof tempDir>;

beforeAll(async () => {
  db = await memoryDb();
  tmp = tempDir();
  await seedScan(db, {
    id: 'scan-hostile',
    controls: [
      { id: '2.1.1', title: '-cmd|" /C calc"!A0', section: '@SUM(1)', status: 'FAIL', severity: 'high', checks: ['s3_bucket_denies_http'], reason: '\r=1+1' },
      { id: '1.4', title: 'Ensure no root user account access key exists', status: 'PASS', severity: 'critical', checks: ['iam_root_no_access_keys'] },
    ],
    findings: prefixes.map((p, i) => ({ control: '2.1.1', resource: payload(p), account: i === 0 ? '=1+2' : '123456789012', region: i === 1 ? '+eu' : 'us-east-1', reason: payload(prefixes[(i + 1) % prefixes.length]!) })),
  });
});
afterAll(() => {
  db?.close();
  tmp?.cleanup();
});

async function exportTo(name: string, options: ExportOptions): Promise<string> {
  const file = join(tmp.dir, name);
  await exportScan(db, await resolveScan(db, 'scan-hostile'), createWriteStream(file), { organization: '=HYPERLINK("http://evil","Acme")', ...options });
  return file;
}

describe('spreadsheet formula neutralisation', () => {
  it('neutralises every dangerous leading character in the finding-level CSV', async () => {
    const rows = [...parseCsv(readFileSync(await exportTo('f.csv', { format: 'csv', level: 'findings' }), 'utf8'))].slice(1);
    expect(rows).toHaveLength(prefixes.length);
    expect(rows.map((r) => r[4]).sort()).toEqual(prefixes.map((p) => `'${payload(p)}`).sort());
    expect(rows.map((r) => r[7]).sort()).toEqual(prefixes.map((p) => `'${payload(p)}`).sort());
    expect(rows.map((r) => r[5])).toContain("'=1+2");
    expect(rows.map((r) => r[6])).toContain("'+eu");
    for (const r of rows) for (const cell of r) expect(cell, JSON.stringify(cell)).not.toMatch(dangerous);
  });

  it('neutralises control titles, sections, reasons and resource lists in the control-level CSV', async () => {
    const rows = [...parseCsv(readFileSync(await exportTo('c.csv', { format: 'csv' }), 'utf8'))].slice(1);
    const http = rows.find((r) => r[0] === '2.1.1')!;
    expect(http[1]).toBe(`'-cmd|" /C calc"!A0`);
    expect(http[2]).toBe("'@SUM(1)");
    expect(http[10]).toBe("'\r=1+1");
    for (const r of rows) for (const cell of r) expect(cell, JSON.stringify(cell)).not.toMatch(dangerous);
  });

  it('writes no formula and no dangerous leading text in any XLSX sheet, the organization included', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await exportTo('r.xlsx', { format: 'xlsx' }));
    const texts: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toBeUndefined();
        if (typeof cell.value === 'string') texts.push(cell.value);
      }));
    }
    expect(texts).toContain(`'=HYPERLINK("http://evil","Acme")`);
    // XML turns a carriage return into a line feed when the file is read back; the leading quote is what matters.
    for (const p of prefixes) expect(texts.map((t) => t.replace(/^'\n/, "'\r"))).toContain(`'${payload(p)}`);
    expect(texts).toContain(`'-cmd|" /C calc"!A0`);
    expect(texts.filter((t) => dangerous.test(t))).toEqual([]);
  });
});
