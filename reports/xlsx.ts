import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { scoreFormula } from '../controls/score.js';
import type { Database } from '../schema/db.js';
import { controlCells, controlColumns, findingCells, findingColumns, type ColumnSpec } from './rows.js';
import { safeCell } from '../lib/csv/safe-cell.js';
import { controlResults } from '../schema/control-results.js';
import type { Scan } from '../schema/scans.js';
import { affectedResources, streamFindings } from './scan-data.js';
import { exceptionCells, exceptionHeaders, scanExceptions } from './exceptions-data.js';
import { scanBreakdown } from './summary.js';
import { sectionScorecard } from '../controls/section-scorecard.js';
import { addScorecard } from './scorecard-xlsx.js';
import { iacControlCells, iacControlHeaders, iacExportData, iacScoreLines, pct, type IacExportData } from './iac-export.js';

export interface XlsxOptions {
  organization?: string;
  /** When the file was produced; default now. */
  generatedAt?: Date;
  /** Findings per sheet before continuing on the next (default 1,000,000; a sheet holds 1,048,576 rows). */
  maxRowsPerSheet?: number;
}

/** Fill and font colours per status, the conventional "good / bad / neutral" spreadsheet palette. */
export const statusColours: Record<string, { fill: string; font: string }> = {
  PASS: { fill: 'FFC6EFCE', font: 'FF006100' },
  FAIL: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  ERROR: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  SKIP: { fill: 'FFEDEDED', font: 'FF595959' },
  MANUAL: { fill: 'FFDDEBF7', font: 'FF1F4E78' },
  EXCEPTED: { fill: 'FFFFF2CC', font: 'FF7F6000' },
  'NOT VERIFIABLE': { fill: 'FFE4DFEC', font: 'FF5B3B8C' },
};

const headerFill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } } as const;
const headerFont = { bold: true, color: { argb: 'FFFFFFFF' } } as const;

/**
 * Writes a scan as XLSX through exceljs's streaming WorkbookWriter: rows are committed as they are written and
 * findings are read from DuckDB a chunk at a time, so memory stays bounded however many findings a scan has.
 * Sheets: Summary (organization, benchmark, scan time, report id, score, counts), Controls, Findings.
 */
export async function writeXlsx(db: Database, scan: Scan, reportId: string, out: Writable, options: XlsxOptions = {}): Promise<void> {
  const done = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('close', resolve);
    out.once('error', reject);
  });
  // Fast deflate: level 1 is about twice as quick as the default and the file only a little larger (mostly text).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
  wb.creator = 'Calabi';
  wb.title = `${scan.benchmark_title ?? scan.benchmark_id} — scan ${scan.id}`;
  wb.subject = `calabi-report-id:${reportId} calabi-scan-id:${scan.id}`;
  wb.keywords = `calabi-report-id:${reportId}`;
  wb.created = options.generatedAt ?? new Date();

  // An IaC scan: both scores on the Summary sheet, not-verifiable resources and scores after the standard columns.
  const iac = await iacExportData(db, scan.id);
  await writeSummary(db, wb, scan, reportId, options, iac);

  const controls = wb.addWorksheet('Controls', { views: [{ state: 'frozen', ySplit: 1 }] });
  setColumns(controls, iac ? [...controlColumns, ...iacControlHeaders.map((header, i) => ({ key: `iac_${i}`, header, width: i === 0 ? 70 : 14 }))] : controlColumns);
  const statusCol = controlColumns.findIndex((c) => c.key === 'status') + 1;
  const affected = await affectedResources(db, scan.id);
  for (const c of await controlResults(db, scan.id)) {
    const row = controls.addRow([...controlCells(c, affected.get(c.control_id)), ...(iac ? iacControlCells(iac, c.control_id) : [])]);
    const colour = statusColours[c.status];
    if (colour) {
      const cell = row.getCell(statusCol);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colour.fill } };
      cell.font = { bold: true, color: { argb: colour.font } };
    }
    row.alignment = { vertical: 'top' };
    row.commit();
  }
  controls.commit();

  // A sheet holds at most 1,048,576 rows: beyond a million findings they continue on "Findings (2)", …
  const newFindingsSheet = (part: number) => {
    const ws = wb.addWorksheet(part === 1 ? 'Findings' : `Findings (${part})`, { views: [{ state: 'frozen', ySplit: 1 }] });
    setColumns(ws, findingColumns);
    return ws;
  };
  let part = 1;
  let findings = newFindingsSheet(part);
  let n = 0;
  for await (const chunk of streamFindings(db, scan.id)) {
    for (const f of chunk) {
      if (n === (options.maxRowsPerSheet ?? maxRowsPerSheet)) {
        findings.commit();
        findings = newFindingsSheet(++part);
        n = 0;
      }
      findings.addRow(findingCells(f)).commit();
      n++;
    }
    // Respect the destination's back-pressure (a slow HTTP client) instead of buffering the whole file.
    if (out.writableNeedDrain) await new Promise((r) => out.once('drain', r));
  }
  findings.commit();

  // Auditors: every exception in force when the scan ran, with its justification and owner (a sheet of its own).
  const accepted = await scanExceptions(db, scan.id);
  if (accepted.length) {
    const ws = wb.addWorksheet('Exceptions', { views: [{ state: 'frozen', ySplit: 1 }] });
    setColumns(ws, exceptionHeaders.map((header, i) => ({ key: `e${i}`, header, width: [38, 9, 50, 60, 20, 20, 24, 24, 40, 10][i]! })));
    for (const e of accepted) ws.addRow(exceptionCells(e).map((v) => (typeof v === 'string' ? safeCell(v) : v))).commit();
    ws.commit();
  }
  await wb.commit();
  await done;
}

export const maxRowsPerSheet = 1_000_000;

function setColumns(ws: ExcelJS.Worksheet, columns: readonly ColumnSpec[]): void {
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = ws.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.fill = headerFill;
    cell.font = headerFont;
  });
  header.commit();
}

async function writeSummary(db: Database, wb: ExcelJS.stream.xlsx.WorkbookWriter, scan: Scan, reportId: string, options: XlsxOptions, iac: IacExportData | null): Promise<void> {
  const ws = wb.addWorksheet('Summary', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 26 }, { width: 48 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }];
  const b = await scanBreakdown(db, scan);
  const title = ws.addRow([`Calabi compliance report — ${scan.benchmark_title ?? scan.benchmark_id}`]);
  title.font = { bold: true, size: 14 };
  title.commit();
  const kv = (key: string, value: unknown) => {
    const row = ws.addRow([key, safeCell(value)]);
    row.getCell(1).font = { bold: true };
    row.commit();
  };
  kv('Organization', options.organization ?? '');
  kv('Benchmark', `${scan.benchmark_title ?? scan.benchmark_id}${scan.benchmark_version ? ` (version ${scan.benchmark_version})` : ''}`);
  kv('Benchmark id', scan.benchmark_id);
  kv('Scan', scan.id);
  kv('Scan started (UTC)', scan.started_at);
  kv('Scan finished (UTC)', scan.finished_at ?? '');
  kv('Report id', reportId);
  kv('Score', scan.score === null ? 'n/a' : `${round1(scan.score)}%`);
  kv('Score formula', `${scoreFormula} (a requirement in ERROR counts against the score; SKIP and MANUAL are not scored)`);
  if (scan.excepted) kv('Score with exceptions', `${scan.score_with_exceptions === null ? 'n/a' : `${round1(scan.score_with_exceptions)}%`} = (PASS + EXCEPTED) / (PASS + EXCEPTED + FAIL + ERROR); the score above counts ${scan.excepted} EXCEPTED as FAIL (see the Exceptions sheet)`);
  kv('Coverage', scan.trusted === null || scan.automated === null ? 'not recorded' : `${scan.trusted} of ${scan.automated} automated requirements with a trustworthy verdict (PASS, FAIL or SKIP)`);
  kv('Oldest data (UTC)', scan.oldest_data_at ?? 'none recorded');
  if (iac) for (const line of iacScoreLines(iac)) kv(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2));
  kv('Generated (UTC)', (options.generatedAt ?? new Date()).toISOString());
  ws.addRow([]).commit();

  heading(ws, ['Status', 'Requirements']);
  for (const [status, count] of b.byStatus) {
    const row = ws.addRow([status, count]);
    const colour = statusColours[status];
    if (colour) {
      row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colour.fill } };
      row.getCell(1).font = { bold: true, color: { argb: colour.font } };
    }
    row.commit();
  }
  ws.addRow([]).commit();
  heading(ws, ['Severity', 'Failed requirements', 'Failing resources']);
  for (const s of b.bySeverity) ws.addRow([s.severity, s.failed, s.findings]).commit();
  ws.addRow([]).commit();
  addScorecard(ws, sectionScorecard(await controlResults(db, scan.id)), (cells) => heading(ws, cells));
  if (iac) {
    ws.addRow([]).commit();
    heading(ws, ['Section', 'Verifiable score', 'Overall score', 'PASS', 'FAIL', 'NOT VERIFIABLE']);
    for (const s of iac.breakdown.sections) ws.addRow([safeCell(s.section), pct(s.verifiable_score), pct(s.overall_score), s.pass, s.fail, s.not_verifiable]).commit();
  }
  ws.commit();
}

function heading(ws: ExcelJS.Worksheet, cells: string[]): void {
  const row = ws.addRow(cells);
  row.eachCell((cell) => {
    cell.fill = headerFill;
    cell.font = headerFont;
  });
  row.commit();
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
