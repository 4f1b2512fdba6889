import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Database } from '../schema/db.js';
import { csvRows, isCsvError } from '../lib/csv/read.js';
import { csvSummaryCells, csvSummaryColumns, csvTrailer } from './csv.js';
import { recomputeReportId } from './report-id.js';
import { cellText, controlCells, controlColumns, findingCells, findingColumns, RowDigest } from './rows.js';
import { controlResults } from '../schema/control-results.js';
import { resolveScan, scanById } from '../schema/scans.js';
import { affectedResources, streamFindings } from './scan-data.js';
import { iacControlCells, iacExportData, iacScoreCells } from './iac-export.js';

export interface VerifyCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface VerifyResult {
  ok: boolean;
  format: 'csv' | 'xlsx' | 'pdf';
  scanId: string | null;
  /** The report id printed in the file. */
  fileReportId: string | null;
  /** The report id recomputed now from the stored scan's results. */
  storedReportId: string | null;
  checks: VerifyCheck[];
}

interface FileClaims {
  format: VerifyResult['format'];
  scanId: string | null;
  reportId: string | null;
  /** Digests of the file's data rows, per table, to compare with the stored scan (CSV and XLSX). */
  tables: Array<{ name: 'controls' | 'findings'; digest: string; rows: number; trailer: boolean; digestState?: RowDigest; summaryColumns?: boolean }>;
  /** Why the file could not be read to its end (a CSV edited into malformed quoting): a mismatch, not a crash. */
  unreadable?: string;
}

/**
 * Checks an exported file against the database: the report id printed in it must equal the id recomputed from the
 * stored scan's results, the stored id must still match those results, and (CSV, XLSX) every data row of the file
 * must equal what the stored scan exports now — so an edited cell is a mismatch too. A PDF is checked by its id.
 */
export async function verifyExport(db: Database, file: string): Promise<VerifyResult> {
  const claims = await readClaims(file);
  const checks: VerifyCheck[] = [];
  const result: VerifyResult = { ok: false, format: claims.format, scanId: claims.scanId, fileReportId: claims.reportId, storedReportId: null, checks };
  if (claims.unreadable) {
    checks.push({ name: 'file is well-formed', ok: false, detail: claims.unreadable });
    return result;
  }
  if (!claims.scanId || !claims.reportId) {
    checks.push({ name: 'file names its scan', ok: false, detail: 'no Calabi scan id and report id found in the file: it is not a Calabi export, or they were removed' });
    return result;
  }
  const scan = await scanById(db, claims.scanId);
  if (!scan) {
    checks.push({ name: 'scan exists', ok: false, detail: `scan ${claims.scanId} is not in this database (pruned after the retention period, or another database: pass --db)` });
    return result;
  }
  const recomputed = await recomputeReportId(db, scan.id);
  result.storedReportId = recomputed;
  checks.push({
    name: 'stored scan unchanged',
    ok: scan.report_id === null || scan.report_id === recomputed,
    detail: scan.report_id === null || scan.report_id === recomputed ? 'the stored results still hash to the id recorded with the scan' : `the stored results hash to ${recomputed}, but the scan recorded ${scan.report_id}`,
  });
  checks.push({
    name: 'report id',
    ok: claims.reportId === recomputed,
    detail: claims.reportId === recomputed ? `file and stored scan both have report id ${recomputed}` : `the file says ${claims.reportId}, the stored scan computes to ${recomputed}`,
  });
  for (const t of claims.tables) {
    const expected = await expectedDigest(db, scan.id, claims.reportId, t.name, t.trailer, t.summaryColumns ?? false);
    const ok = expected.digest === t.digest;
    checks.push({
      name: `${t.name} rows`,
      ok,
      detail: ok ? `${t.rows} ${t.name} row(s) equal the stored scan` : `the file's ${t.rows} ${t.name} row(s) differ from the stored scan's ${expected.rows} (edited, filtered or truncated)`,
    });
  }
  result.ok = checks.every((c) => c.ok);
  return result;
}

async function expectedDigest(
  db: Database, scanId: string, reportId: string, table: 'controls' | 'findings', trailer: boolean, summaryColumns: boolean,
): Promise<{ digest: string; rows: number }> {
  const d = new RowDigest();
  // CSVs written before the score/coverage columns existed end with the scan and report id alone.
  const summary = summaryColumns ? csvSummaryCells(await resolveScan(db, scanId)) : [];
  const tail = trailer ? [...summary, scanId, reportId] : [];
  // CSV only (XLSX rows are read to the standard width): an IaC scan's extra cells, as reports/csv.ts writes them.
  const iac = trailer ? await iacExportData(db, scanId) : null;
  if (table === 'controls') {
    const affected = await affectedResources(db, scanId);
    for (const c of await controlResults(db, scanId)) d.add([...controlCells(c, affected.get(c.control_id)), ...(iac ? iacControlCells(iac, c.control_id) : []), ...tail]);
  } else {
    for await (const chunk of streamFindings(db, scanId)) for (const f of chunk) d.add([...findingCells(f), ...(iac ? iacScoreCells(iac) : []), ...tail]);
  }
  return { rows: d.rows, digest: d.hex() };
}

async function readClaims(file: string): Promise<FileClaims> {
  const head = Buffer.alloc(5);
  const fh = await open(file, 'r').catch((cause: unknown) => {
    throw new Error(`[verify] cannot read ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  });
  try {
    await fh.read(head, 0, 5, 0);
  } finally {
    await fh.close();
  }
  if (head.toString('latin1') === '%PDF-') return readPdf(file);
  if (head[0] === 0x50 && head[1] === 0x4b) return readXlsx(file);
  return readCsvClaims(file);
}

async function readPdf(file: string): Promise<FileClaims> {
  const text = (await readFile(file)).toString('latin1');
  const m = /calabi-report-id:([0-9a-zA-Z-]+) calabi-scan-id:([^\s)]+)/.exec(text);
  return { format: 'pdf', reportId: m?.[1] ?? null, scanId: m?.[2] ?? null, tables: [] };
}

async function readCsvClaims(file: string): Promise<FileClaims> {
  const claims: FileClaims = { format: 'csv', scanId: null, reportId: null, tables: [] };
  const rows = csvRows(createReadStream(file))[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  try {
    const header = (await rows.next()).value as string[] | undefined;
    if (!header) return claims;
    const table = header[0] === controlColumns[0]!.header && header[1] === controlColumns[1]!.header ? 'controls' : header[1] === findingColumns[1]!.header ? 'findings' : null;
    const trailer = header.slice(-2).join() === csvTrailer.join();
    if (!table || !trailer) return claims;
    const summaryColumns = header.slice(-2 - csvSummaryColumns.length, -2).join() === csvSummaryColumns.join();
    const d = new RowDigest();
    for (let row = await rows.next(); !row.done; row = await rows.next()) {
      claims.scanId ??= row.value[row.value.length - 2] ?? null;
      claims.reportId ??= row.value[row.value.length - 1] ?? null;
      d.add(row.value);
    }
    claims.tables.push({ name: table, digest: d.hex(), rows: d.rows, trailer: true, summaryColumns });
    return claims;
  } catch (cause) {
    // A read error (the file vanished) is ours to report; malformed quoting means the file was edited.
    if (!isCsvError(cause)) throw new Error(`[verify] cannot read ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    claims.unreadable = `the file is not well-formed CSV (${cause.message}): edited after export, or re-saved by another program`;
    return claims;
  } finally {
    await rows.return?.();
  }
}

async function readXlsx(file: string): Promise<FileClaims> {
  const claims: FileClaims = { format: 'xlsx', scanId: null, reportId: null, tables: [] };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' });
  // exceljs's streaming reader may parse a sheet before it has read xl/workbook.xml: it then crashes unless a model
  // exists, and the sheet has no real name; our writer's order (Summary, Controls, Findings, Findings (2), …) names it.
  const r = reader as unknown as { model?: { sheets?: unknown[] } };
  r.model ??= { sheets: [] };
  for await (const sheet of reader) {
    const s = sheet as unknown as { name?: string; id: number | string };
    const n = Number(s.id);
    const byOrder = n === 1 ? 'Summary' : n === 2 ? 'Controls' : n === 3 ? 'Findings' : `Findings (${n - 2})`;
    // Depending on the zip entry order the reader names a sheet "SheetN"; then its position names it.
    const name = s.name && !/^Sheet\d+$/.test(s.name) ? s.name : byOrder;
    if (name === 'Summary') {
      for await (const row of sheet) {
        const key = cellText(row.getCell(1).value);
        if (key === 'Scan') claims.scanId = cellText(row.getCell(2).value);
        if (key === 'Report id') claims.reportId = cellText(row.getCell(2).value);
      }
      continue;
    }
    const table = name === 'Controls' ? 'controls' : /^Findings( \(\d+\))?$/.test(name) ? 'findings' : null;
    if (!table) continue;
    const width = (table === 'controls' ? controlColumns : findingColumns).length;
    // Findings continued on "Findings (2)", … extend one digest.
    const previous = claims.tables.find((t) => t.name === table);
    const d = previous?.digestState ?? new RowDigest();
    let first = true;
    for await (const row of sheet) {
      if (first) {
        first = false;
        continue;
      }
      d.add(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value));
    }
    if (previous) previous.rows = d.rows;
    else claims.tables.push({ name: table, digest: '', rows: d.rows, trailer: false, digestState: d });
  }
  for (const t of claims.tables) if (t.digestState) t.digest = t.digestState.hex();
  return claims;
}
