import type { Writable } from 'node:stream';
import type { Catalog } from '../controls/loader.js';
import type { Database } from '../schema/db.js';
import { writeCsv, type CsvLevel } from './csv.js';
import { writePdf } from './pdf.js';
import { reportIdOf } from './report-id.js';
import type { Scan } from '../schema/scans.js';
import { writeXlsx } from './xlsx.js';
import { exportFormats, type AnyExportFormat, type ExportFormat } from './export-formats.js';
import { assertLiveScan } from './interop/live-scan.js';
import { writeAsff, writeOcsf } from './interop/write-findings.js';

export { exportFormats, type AnyExportFormat, type ExportFormat } from './export-formats.js';

export const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  // Newline-delimited JSON: one OCSF event, or one BatchImportFindings request, per line.
  ocsf: 'application/x-ndjson',
  asff: 'application/x-ndjson',
};

export interface ExportOptions {
  format: ExportFormat;
  /** CSV only: one row per requirement (default) or one row per failing resource. */
  level?: CsvLevel;
  organization?: string;
  generatedAt?: Date;
  maxResourcesPerControl?: number;
  /**
   * The catalogue (the server's, with its custom checks; default: the built-in one and $CALABI_CHECKS): the PDF's
   * remediation plan takes its steps from it, OCSF and ASFF their titles and remediation.
   */
  catalog?: Catalog;
  /** XLSX: findings per sheet (tests use a small number to exercise the split). */
  maxRowsPerSheet?: number;
  /** ASFF: the region findings about global resources are imported into (default: the partition's home region). */
  homeRegion?: string;
}

/** The scan is still running or failed: there are no complete results to hand to an auditor. */
export class ScanNotExportableError extends Error {
  constructor(scan: Scan) {
    super(`[reports] scan ${scan.id} is ${scan.status}, not complete: export a completed scan (\`latest\` picks the newest one)`);
    this.name = 'ScanNotExportableError';
  }
}

export function assertExportable(scan: Scan, format?: AnyExportFormat): void {
  if (scan.status !== 'complete') throw new ScanNotExportableError(scan);
  if (format === 'ocsf' || format === 'asff') assertLiveScan(scan, format.toUpperCase());
}

export { NotALiveScanError } from './interop/live-scan.js';

/** Writes one export of a stored scan to `out` (ended when done); resolves to the report id printed in it. */
export async function exportScan(db: Database, scan: Scan, out: Writable, options: ExportOptions): Promise<string> {
  assertExportable(scan);
  const reportId = await reportIdOf(db, scan);
  switch (options.format) {
    case 'csv':
      await writeCsv(db, scan, reportId, out, { level: options.level });
      break;
    case 'xlsx':
      await writeXlsx(db, scan, reportId, out, options);
      break;
    case 'pdf':
      await writePdf(db, scan, reportId, out, options);
      break;
    case 'ocsf':
      await writeOcsf(db, scan, out, { catalog: options.catalog });
      break;
    case 'asff':
      await writeAsff(db, scan, out, { homeRegion: options.homeRegion, catalog: options.catalog });
      break;
  }
  return reportId;
}

const extensions: Record<AnyExportFormat, string> = { csv: '.csv', xlsx: '.xlsx', pdf: '.pdf', ocsf: '.ocsf.jsonl', asff: '.asff.jsonl', parquet: '-parquet' };

/**
 * calabi-cis-aws-3.0-20261122-1045-1a2b3c4d[-findings].csv — sortable, says what and when, no spaces. OCSF and ASFF
 * are `.ocsf.jsonl` / `.asff.jsonl` (newline-delimited JSON); Parquet is a directory ending in `-parquet`.
 */
export function exportFileName(scan: Scan, format: AnyExportFormat, level: CsvLevel = 'controls'): string {
  const when = scan.started_at.replace(/[-:]/g, '').replace('T', '-').slice(0, 13);
  const bench = scan.benchmark_id.replace(/[^A-Za-z0-9._-]/g, '_');
  const short = scan.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8);
  return `calabi-${bench}-${when}-${short}${format === 'csv' && level === 'findings' ? '-findings' : ''}${extensions[format]}`;
}

export function parseFormat(value: string | undefined): AnyExportFormat {
  const f = (value ?? '').toLowerCase();
  if ((exportFormats as readonly string[]).includes(f)) return f as AnyExportFormat;
  // SARIF needs the plan's Terraform addresses, which a stored scan does not keep: `calabi iac` writes it.
  if (f === 'sarif') throw new Error("SARIF is written from a Terraform plan, not a stored scan: run `calabi iac <plan.json> --format sarif`");
  throw new Error(`unknown export format '${value}': use one of ${exportFormats.join(', ')}`);
}
