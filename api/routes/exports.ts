import { PassThrough, Readable } from 'node:stream';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { CsvLevel } from '../../reports/csv.js';
import { assertExportable, contentTypes, exportFileName, exportScan, NotALiveScanError, ScanNotExportableError, type ExportFormat } from '../../reports/export.js';
import { resolveScan, ScanNotFoundError } from '../../schema/scans.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { errors, id, strQuery } from '../schemas/common.js';
import type { AppDeps, RouteModule } from './deps.js';

interface ExportRequest {
  id: string;
  benchmark?: string;
  org?: string;
  level?: CsvLevel;
  home_region?: string;
}

/**
 * Streams an export of a stored scan as a download. The scan is resolved first, so a wrong id is a JSON 404; then
 * the file is written straight into the response (findings are read in chunks, so a large scan needs no buffer).
 */
async function download({ db, catalog }: AppDeps, format: ExportFormat, q: ExportRequest): Promise<Response> {
  const level = q.level ?? 'controls';
  const org = q.org ?? process.env.CALABI_ORG ?? '';
  const scan = await resolveScan(db, q.id, q.benchmark || undefined).catch((error: unknown) => {
    if (error instanceof ScanNotFoundError) throw notFound('scan', q.id);
    throw error;
  });
  try {
    assertExportable(scan, format);
  } catch (error) {
    if (error instanceof ScanNotExportableError || error instanceof NotALiveScanError) throw conflict(error.message.replace(/^\[reports\] /, ''));
    throw error;
  }
  const out = new PassThrough();
  exportScan(db, scan, out, { format, level, organization: org, homeRegion: q.home_region || undefined, catalog }).catch((error: unknown) => {
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

const params = z.object({ id: id('Scan id, a unique prefix of one, or `latest`') });
const common = {
  benchmark: strQuery('benchmark', 'With `latest`: the newest scan of this benchmark'),
  org: z.string().max(200, { error: 'must be at most 200 characters' }).optional().openapi({ param: { name: 'org', in: 'query' }, description: 'Organization name printed on the export (default $CALABI_ORG)' }),
};
const level = z.enum(['controls', 'findings'], { error: 'must be controls or findings' }).optional()
  .openapi({ param: { name: 'level', in: 'query' }, description: 'controls (default): one row per requirement; findings: one row per failing resource' });
const file = (description: string, type: string, schema: z.ZodType) => ({
  description,
  headers: { 'Content-Disposition': { description: 'attachment; filename="…"', schema: { type: 'string' as const } }, 'X-Calabi-Scan-Id': { description: 'The scan exported', schema: { type: 'string' as const } } },
  content: { [type]: { schema } },
});
const binary = z.string().openapi({ format: 'binary' });

const csv = createRoute({
  method: 'get', path: '/scans/{id}/export.csv', operationId: 'exportCsv',
  summary: 'CSV download: one row per requirement (level=controls, default) or per failing resource (level=findings); every row carries the scan and report id',
  request: { params, query: z.object({ ...common, level }) },
  responses: { 200: file('text/csv attachment', 'text/csv', z.string()), ...errors(400, 403, 404, 409, 429) },
});
const xlsx = createRoute({
  method: 'get', path: '/scans/{id}/export.xlsx', operationId: 'exportXlsx', summary: 'XLSX download: Summary, Controls and Findings sheets',
  request: { params, query: z.object(common) },
  responses: { 200: file('Spreadsheet attachment', contentTypes.xlsx, binary), ...errors(400, 403, 404, 409, 429) },
});
const pdf = createRoute({
  method: 'get', path: '/scans/{id}/export.pdf', operationId: 'exportPdf',
  summary: 'PDF download: summary, requirement table and resource details, with organization, scan time and report id',
  request: { params, query: z.object(common) },
  responses: { 200: file('PDF attachment', 'application/pdf', binary), ...errors(400, 403, 404, 409, 429) },
});

const ndjson = z.string().openapi({ description: 'Newline-delimited JSON' });
const ocsf = createRoute({
  method: 'get', path: '/scans/{id}/export.ocsf.jsonl', operationId: 'exportOcsf',
  summary: 'OCSF 1.5.0 Compliance Finding events (class 2003), one per line: one per failing resource of a FAIL requirement, ids stable across scans',
  request: { params, query: z.object({ benchmark: common.benchmark }) },
  responses: { 200: file('NDJSON attachment', 'application/x-ndjson', ndjson), ...errors(400, 403, 404, 409, 429) },
});
const asff = createRoute({
  method: 'get', path: '/scans/{id}/export.asff.jsonl', operationId: 'exportAsff',
  summary: 'AWS Security Finding Format: one BatchImportFindings request ({"Findings": [...]}, at most 100, one account and region) per line, ids stable across scans',
  request: {
    params,
    query: z.object({
      benchmark: common.benchmark,
      home_region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { error: 'must be an AWS region name such as us-east-1' }).optional()
        .openapi({ param: { name: 'home_region', in: 'query' }, description: "Region findings about global resources are imported into (default: the partition's home region)" }),
    }),
  },
  responses: { 200: file('NDJSON attachment', 'application/x-ndjson', ndjson), ...errors(400, 403, 404, 409, 429) },
});

export const exportsModule: RouteModule = {
  name: 'exports',
  routes(deps) {
    return new OpenAPIHono()
      .openapi(csv, (c) => download(deps, 'csv', { ...c.req.valid('param'), ...c.req.valid('query') }))
      .openapi(xlsx, (c) => download(deps, 'xlsx', { ...c.req.valid('param'), ...c.req.valid('query') }))
      .openapi(pdf, (c) => download(deps, 'pdf', { ...c.req.valid('param'), ...c.req.valid('query') }))
      .openapi(ocsf, (c) => download(deps, 'ocsf', { ...c.req.valid('param'), ...c.req.valid('query') }))
      .openapi(asff, (c) => download(deps, 'asff', { ...c.req.valid('param'), ...c.req.valid('query') }));
  },
};
