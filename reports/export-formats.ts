/**
 * The file formats a scan exports to. Its own file so `calabi export --help` names them without loading the
 * writers (exceljs, pdfkit) that reports/export.ts imports.
 */
export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
export const exportFormats: readonly ExportFormat[] = ['csv', 'xlsx', 'pdf'];
