import type { Writable } from 'node:stream';
import type { Database } from '../schema/db.js';
import { controlCells, controlColumns, findingCells, findingColumns } from './rows.js';
import { csvLine, parseCsv } from '../lib/csv/text.js';
import type { Cell } from '../lib/csv/safe-cell.js';

export { csvLine, parseCsv };
import { affectedResources, loadControls, streamFindings, type ScanMeta } from './scan-data.js';
import { iacControlCells, iacControlHeaders, iacExportData, iacScoreCells, iacScoreHeaders } from './iac-export.js';

export type CsvLevel = 'controls' | 'findings';

export interface CsvOptions {
  level?: CsvLevel;
}

/** The two trailing columns every CSV row carries, so a single row still names the scan it came from. */
export const csvTrailer = ['Scan', 'Report id'] as const;

/**
 * The scan's score (with its formula), coverage and data age, on every row just before the trailer, so a CSV
 * carries what the page shows beside the score. Plain values only: `calabi verify` recomputes them.
 */
export const csvSummaryColumns = ['Score (PASS / (PASS + FAIL + ERROR))', 'Coverage (trusted / automated)', 'Oldest data (UTC)'] as const;

export function csvSummaryCells(scan: Pick<ScanMeta, 'score' | 'trusted' | 'automated' | 'oldest_data_at'>): Cell[] {
  return [
    scan.score === null ? 'n/a' : `${Math.round(scan.score * 10) / 10}%`,
    scan.trusted === null || scan.automated === null ? '' : `${scan.trusted}/${scan.automated}`,
    scan.oldest_data_at ?? '',
  ];
}

/**
 * Writes a scan as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so Excel reads accents right):
 * `controls` — one row per requirement with its affected resources; `findings` — one row per failing resource.
 * Every row ends with the scan's score, coverage and oldest data, then the scan id and the report id. Text cells
 * are formula-neutralised.
 */
export async function writeCsv(db: Database, scan: ScanMeta, reportId: string, out: Writable, options: CsvOptions = {}): Promise<void> {
  const level = options.level ?? 'controls';
  const trailer: Cell[] = [...csvSummaryCells(scan), scan.id, reportId];
  // An IaC scan adds its not-verifiable resources and both scores (reports/iac-export.ts) before the summary columns.
  const iac = await iacExportData(db, scan.id);
  await write(out, '\uFEFF');
  if (level === 'controls') {
    await write(out, csvLine([...controlColumns.map((c) => c.header), ...(iac ? iacControlHeaders : []), ...csvSummaryColumns, ...csvTrailer]));
    const affected = await affectedResources(db, scan.id);
    for (const c of await loadControls(db, scan.id)) await write(out, csvLine([...controlCells(c, affected.get(c.control_id)), ...(iac ? iacControlCells(iac, c.control_id) : []), ...trailer]));
  } else {
    await write(out, csvLine([...findingColumns.map((c) => c.header), ...(iac ? iacScoreHeaders : []), ...csvSummaryColumns, ...csvTrailer]));
    for await (const chunk of streamFindings(db, scan.id)) {
      await write(out, chunk.map((f) => csvLine([...findingCells(f), ...(iac ? iacScoreCells(iac) : []), ...trailer])).join(''));
    }
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}



/** Writes with back-pressure: waits for 'drain' when the stream's buffer is full. */
function write(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = out.write(text, (error) => (error ? reject(error) : undefined));
    if (ok) resolve();
    else out.once('drain', resolve);
  });
}

