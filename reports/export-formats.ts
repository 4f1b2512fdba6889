/**
 * The file formats a scan exports to. Its own file so `calabi export --help` names them without loading the
 * writers (exceljs, pdfkit) that reports/export.ts imports.
 *
 * csv, xlsx, pdf: for auditors. ocsf, asff: the findings for other tools (newline-delimited JSON; see
 * docs/interop.md). These are written to one stream (a file, stdout, an HTTP download). parquet is a directory
 * (reports/interop/parquet.ts), so only the CLI writes it.
 */
export type ExportFormat = 'csv' | 'xlsx' | 'pdf' | 'ocsf' | 'asff';
export type AnyExportFormat = ExportFormat | 'parquet';
export const exportFormats: readonly AnyExportFormat[] = ['csv', 'xlsx', 'pdf', 'ocsf', 'asff', 'parquet'];
