import { PassThrough, Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import type { CsvLevel } from '../../reports/csv.js';
import { assertExportable, contentTypes, exportFileName, exportScan, ScanNotExportableError, type ExportFormat } from '../../reports/export.js';
import { resolveScan, ScanNotFoundError } from '../../schema/scans.js';
import { badRequest, conflict, notFound } from '../errors.js';
import type { AppDeps, RouteModule } from './deps.js';
import { errorResponses, pathParam, queryParam } from './openapi-helpers.js';
import { idParam } from './params.js';

/**
 * Streams an export of a stored scan as a download. The scan is resolved first, so a wrong id is a JSON 404; then
 * the file is written straight into the response (findings are read in chunks, so a large scan needs no buffer).
 */
async function download(c: Context, { db }: AppDeps, format: ExportFormat): Promise<Response> {
  const ref = idParam(c.req.param('id'), 'id');
  const levelRaw = c.req.query('level') ?? 'controls';
  if (levelRaw !== 'controls' && levelRaw !== 'findings') throw badRequest('level', `must be controls or findings, not '${levelRaw}'`);
  const level = levelRaw as CsvLevel;
  const org = c.req.query('org') ?? process.env.CALABI_ORG ?? '';
  if (org.length > 200) throw badRequest('org', 'must be at most 200 characters');
  const scan = await resolveScan(db, ref, c.req.query('benchmark') || undefined).catch((error: unknown) => {
    if (error instanceof ScanNotFoundError) throw notFound('scan', ref);
    throw error;
  });
  try {
    assertExportable(scan);
  } catch (error) {
    if (error instanceof ScanNotExportableError) throw conflict(error.message.replace(/^\[reports\] /, ''));
    throw error;
  }
  const out = new PassThrough();
  exportScan(db, scan, out, { format, level, organization: org }).catch((error: unknown) => {
    process.stderr.write(`calabi serve: export of scan ${scan.id} as ${format} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  const name = exportFileName(scan, format, level);
  return new Response(Readable.toWeb(out) as ReadableStream, {
    headers: {
      'content-type': contentTypes[format],
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
      'x-calabi-scan-id': scan.id,
    },
  });
}

const params = [
  pathParam('id', 'Scan id, a unique prefix of one, or `latest`'),
  queryParam('benchmark', 'With `latest`: the newest scan of this benchmark'),
  queryParam('org', 'Organization name printed on the export (default $CALABI_ORG)'),
];

export const exportsModule: RouteModule = {
  name: 'exports',
  routes(deps) {
    return new Hono()
      .get('/scans/:id/export.csv', (c) => download(c, deps, 'csv'))
      .get('/scans/:id/export.xlsx', (c) => download(c, deps, 'xlsx'))
      .get('/scans/:id/export.pdf', (c) => download(c, deps, 'pdf'));
  },
  paths: {
    '/api/scans/{id}/export.csv': {
      get: {
        summary: 'CSV download: one row per requirement (level=controls, default) or per failing resource (level=findings); every row carries the scan and report id',
        operationId: 'exportCsv',
        parameters: [...params, queryParam('level', 'controls (default) or findings')],
        responses: { '200': { description: 'text/csv attachment', content: { 'text/csv': { schema: { type: 'string' } } } }, ...errorResponses(400, 401, 404, 409) },
      },
    },
    '/api/scans/{id}/export.xlsx': {
      get: {
        summary: 'XLSX download: Summary, Controls and Findings sheets',
        operationId: 'exportXlsx',
        parameters: params,
        responses: { '200': { description: 'Spreadsheet attachment', content: { [contentTypes.xlsx]: { schema: { type: 'string', format: 'binary' } } } }, ...errorResponses(400, 401, 404) },
      },
    },
    '/api/scans/{id}/export.pdf': {
      get: {
        summary: 'PDF download: summary, requirement table and resource details, with organization, scan time and report id',
        operationId: 'exportPdf',
        parameters: params,
        responses: { '200': { description: 'PDF attachment', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, ...errorResponses(400, 401, 404) },
      },
    },
  },
};
