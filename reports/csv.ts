import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../schema/db.js';
import { controlCells, controlColumns, findingCells, findingColumns } from './rows.js';
import { parseCsv } from '../lib/csv/read.js';
import { csvLine, csvStringifier } from '../lib/csv/write.js';
import type { Cell } from '../lib/csv/safe-cell.js';

import { controlResults } from '../schema/control-results.js';
import type { Scan } from '../schema/scans.js';
import { affectedResources, streamFindings } from './scan-data.js';

export { csvLine, parseCsv };
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

export function csvSummaryCells(scan: Pick<Scan, 'score' | 'trusted' | 'automated' | 'oldest_data_at'>): Cell[] {
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
export async function writeCsv(db: Database, scan: Scan, reportId: string, out: Writable, options: CsvOptions = {}): Promise<void> {
  const level = options.level ?? 'controls';
  const trailer: Cell[] = [...csvSummaryCells(scan), scan.id, reportId];
  // An IaC scan adds its not-verifiable resources and both scores (reports/iac-export.ts) before the summary columns.
  const iac = await iacExportData(db, scan.id);
  // Records stream through the stringifier into `out` with back-pressure; pipeline ends `out` when done.
  async function* records(): AsyncGenerator<Cell[]> {
    if (level === 'controls') {
      yield [...controlColumns.map((c) => c.header), ...(iac ? iacControlHeaders : []), ...csvSummaryColumns, ...csvTrailer];
      const affected = await affectedResources(db, scan.id);
      for (const c of await controlResults(db, scan.id)) yield [...controlCells(c, affected.get(c.control_id)), ...(iac ? iacControlCells(iac, c.control_id) : []), ...trailer];
    } else {
      yield [...findingColumns.map((c) => c.header), ...(iac ? iacScoreHeaders : []), ...csvSummaryColumns, ...csvTrailer];
      for await (const chunk of streamFindings(db, scan.id)) for (const f of chunk) yield [...findingCells(f), ...(iac ? iacScoreCells(iac) : []), ...trailer];
    }
  }
  await pipeline(records(), csvStringifier({ bom: true }), out);
}
