import { execFileSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../schema/db.js';
import { parseCsv } from '../../reports/csv.js';
import { exportFileName, exportScan, type ExportOptions } from '../../reports/export.js';
import { resolveScan } from '../../schema/scans.js';
import { memoryDb, tempDir } from '../support/db.js';
import { seedScan } from '../../testkit/seed-scan.js';

const hostile = '=HYPERLINK("http://x","y")';
let db: Database;
let tmp: ReturnType<typeof tempDir>;

beforeAll(async () => {
  db = await memoryDb();
  tmp = tempDir();
  await seedScan(db, {
    id: 'scan-export-1',
    startedAt: '2026-11-21T09:30:00.000Z',
    reportId: 'c0ffee1234',
    oldestDataAt: '2026-11-19T06:00:00.000Z',
    controls: [
      { id: '1.4', title: 'Ensure no root user account access key exists', status: 'PASS', severity: 'critical', checks: ['iam_root_no_access_keys'] },
      { id: '1.8', title: 'Ensure IAM password policy requires minimum length of 14', status: 'FAIL', severity: 'medium', checks: ['iam_password_policy_min_length_14'] },
      { id: '2.1.1', title: 'Ensure S3 Bucket Policy is set to deny HTTP requests', status: 'FAIL', severity: 'high', checks: ['s3_bucket_denies_http'] },
      { id: '2.3.1', title: 'Ensure that encryption is enabled for RDS Instances', status: 'SKIP', severity: 'high', checks: ['rds_instance_storage_encrypted'] },
      { id: '1.20', title: 'Ensure that IAM Access analyzer is enabled for all regions', status: 'ERROR', severity: 'medium', checks: ['accessanalyzer_enabled_all_regions'] },
      { id: '1.1', title: 'Maintain current contact details', status: 'MANUAL', severity: null },
    ],
    findings: [
      { control: '1.8', resource: 'arn:aws:iam::123456789012:root', region: 'global', reason: 'no password policy' },
      { control: '2.1.1', resource: 'arn:aws:s3:::acme-logs', reason: 'policy allows plain HTTP' },
      { control: '2.1.1', resource: hostile, reason: '+cmd|" /C calc"!A0', evidence: { tag: '@SUM(1+1)' } },
      { control: '2.1.1', resource: 'arn:aws:s3:::-dash-bucket', reason: '\tstarts with a tab' },
    ],
  });
});
afterAll(() => {
  db?.close();
  tmp?.cleanup();
});

async function exportTo(name: string, options: ExportOptions): Promise<string> {
  const file = join(tmp.dir, name);
  const scan = await resolveScan(db, 'scan-export-1');
  await exportScan(db, scan, createWriteStream(file), { organization: 'Acme Corp', generatedAt: new Date('2026-11-22T10:00:00Z'), ...options });
  return file;
}

describe('CSV export', () => {
  it('writes one row per requirement with its affected resources, status and the report id', async () => {
    const rows = [...parseCsv(readFileSync(await exportTo('c.csv', { format: 'csv' }), 'utf8'))];
    expect(rows[0]).toEqual([
      'Requirement', 'Title', 'Section', 'Level', 'CIS assessment', 'Severity', 'Status', 'Affected', 'Evaluated', 'Checks', 'Reason', 'Affected resources',
      'Score (PASS / (PASS + FAIL + ERROR))', 'Coverage (trusted / automated)', 'Oldest data (UTC)', 'Scan', 'Report id',
    ]);
    expect(rows).toHaveLength(7);
    const http = rows.find((r) => r[0] === '2.1.1')!;
    expect(http[6]).toBe('FAIL');
    expect(http[7]).toBe('3');
    expect(http[11]!.split('\n')).toEqual(["'" + hostile, 'arn:aws:s3:::-dash-bucket', 'arn:aws:s3:::acme-logs']);
    // 1 PASS of 1 PASS + 2 FAIL + 1 ERROR; 4 of the 5 automated requirements have a trustworthy verdict.
    expect(rows.slice(1).map((r) => r.slice(12))).toEqual(Array(6).fill(['25%', '4/5', '2026-11-19T06:00:00.000Z', 'scan-export-1', 'c0ffee1234']));
  });

  it('writes one row per failing resource with account, region and reason, neutralising formula-like text', async () => {
    const rows = [...parseCsv(readFileSync(await exportTo('f.csv', { format: 'csv', level: 'findings' }), 'utf8'))];
    expect(rows[0]!.slice(0, 8)).toEqual(['Requirement', 'Requirement title', 'Severity', 'Check', 'Resource', 'Account', 'Region', 'Reason']);
    expect(rows).toHaveLength(5);
    const evil = rows.find((r) => r[4]!.includes('HYPERLINK'))!;
    expect(evil[4]).toBe(`'${hostile}`);
    expect(evil[7]).toBe(`'+cmd|" /C calc"!A0`);
    expect(evil[8]).toBe('{"tag":"@SUM(1+1)"}');
    const tab = rows.find((r) => r[4] === 'arn:aws:s3:::-dash-bucket')!;
    expect(tab[7]).toBe("'\tstarts with a tab");
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('XLSX export', () => {
  it('has Summary, Controls and Findings sheets with frozen headers, filters, widths, status colours and inert hostile cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await exportTo('r.xlsx', { format: 'xlsx' }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Controls', 'Findings']);

    const summary = wb.getWorksheet('Summary')!;
    const kv = new Map<string, unknown>();
    summary.eachRow((row) => kv.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(kv.get('Organization')).toBe('Acme Corp');
    expect(kv.get('Report id')).toBe('c0ffee1234');
    expect(kv.get('Scan started (UTC)')).toBe('2026-11-21T09:30:00.000Z');
    expect(kv.get('Score')).toBe('25%');
    expect(kv.get('Score formula')).toMatch(/^PASS \/ \(PASS \+ FAIL \+ ERROR\)/);
    expect(kv.get('Coverage')).toBe('4 of 5 automated requirements with a trustworthy verdict (PASS, FAIL or SKIP)');
    expect(kv.get('Oldest data (UTC)')).toBe('2026-11-19T06:00:00.000Z');
    expect(kv.get('FAIL')).toBe(2);
    expect(kv.get('ERROR')).toBe(1);
    expect(kv.get('high')).toBe(1);
    expect(kv.get('Storage')).toBe('0%');

    const controls = wb.getWorksheet('Controls')!;
    expect(controls.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(controls.autoFilter).toBeTruthy();
    expect(controls.getColumn(2).width).toBe(60);
    const failRow = controls.getRows(2, 6)!.find((r) => r.getCell(1).value === '1.8')!;
    expect(failRow.getCell(7).value).toBe('FAIL');
    expect((failRow.getCell(7).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');

    const findings = wb.getWorksheet('Findings')!;
    expect(findings.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(findings.rowCount).toBe(5);
    const values: unknown[] = [];
    findings.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain(`'${hostile}`);
    findings.eachRow((row) => row.eachCell((cell) => {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      expect(cell.formula).toBeUndefined();
    }));
    expect(values.filter((v) => typeof v === 'string' && /^[=+\-@\t\r]/.test(v))).toEqual([]);
  });
});

describe('PDF export', () => {
  it('prints organization, scan time, report id, the requirement table and resource details', async () => {
    const file = await exportTo('r.pdf', { format: 'pdf' });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Acme Corp');
    expect(text).toContain('2026-11-21T09:30:00.000Z');
    expect(text).toContain('c0ffee1234');
    expect(text).toMatch(/Score: 25%/);
    expect(text).toContain('Score = PASS / (PASS + FAIL + ERROR)');
    expect(text).toMatch(/Coverage 4\/5 automated requirements with a trustworthy verdict \(PASS, FAIL or SKIP\) · oldest data 2026-11-19 06:00 UTC\s+\(2\s+days before the scan\)/);
    expect(text).toMatch(/2\.1\.1\s+Ensure S3 Bucket Policy is set to deny HTTP requests\s+high\s+FAIL\s+3\s+Automated/);
    expect(text).toContain('CIS assessment');
    expect(text).toContain('arn:aws:s3:::acme-logs');
    expect(text).toContain('policy allows plain HTTP');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Subject:\s+calabi-report-id:c0ffee1234 calabi-scan-id:scan-export-1/);
  });
});

describe('export file names', () => {
  it('names the file after benchmark, scan time and scan id, and marks the finding-level CSV', async () => {
    const scan = await resolveScan(db, 'scan-exp');
    expect(exportFileName(scan, 'xlsx')).toBe('calabi-cis-aws-3.0-20261121-0930-scanexpo.xlsx');
    expect(exportFileName(scan, 'csv', 'findings')).toBe('calabi-cis-aws-3.0-20261121-0930-scanexpo-findings.csv');
  });
});
