import { Hono } from 'hono';
import type { Context } from 'hono';
import { filterControls, findBenchmark, listBenchmarks } from '../scan-queries.js';
import type { RouteModule } from './deps.js';
import { idParam, intParam } from './params.js';
import { errorResponses, json, pathParam, queryParam } from './openapi-helpers.js';

export const benchmarks: RouteModule = {
  name: 'benchmarks',
  routes({ reader, reports, catalog }) {
    return new Hono()
      .get('/benchmarks', async (c) => c.json({ benchmarks: await listBenchmarks(reader, catalog) }))
      .get('/benchmarks/:id/report', async (c) => {
        const benchmark = findBenchmark(catalog, c.req.param('id'));
        const scanParam = c.req.query('scan');
        const scan = await reports.resolve(benchmark.id, scanParam === undefined ? undefined : idParam(scanParam, 'scan'));
        const query = { status: c.req.query('status'), severity: c.req.query('severity'), section: c.req.query('section'), sort: c.req.query('sort') };
        const key = `report\u0000${benchmark.id}\u0000${query.status}\u0000${query.severity}\u0000${query.section}\u0000${query.sort}`;
        return jsonText(c, await reports.body(scan, key, async () => {
          const all = await reports.controlRows(scan);
          return {
            benchmark: { id: benchmark.id, title: benchmark.title, version: benchmark.version },
            scan: { id: scan.id, status: scan.status, trigger: scan.trigger, started_at: scan.started_at, finished_at: scan.finished_at, report_id: scan.report_id },
            summary: await reports.summary(scan),
            sections: [...new Set(all.map((r) => r.section ?? ''))].filter(Boolean),
            total_controls: all.length,
            controls: filterControls(all, query),
          };
        }));
      })
      .get('/benchmarks/:id/controls/:controlId', async (c) => {
        const benchmark = findBenchmark(catalog, c.req.param('id'));
        const scanParam = c.req.query('scan');
        const scan = await reports.resolve(benchmark.id, scanParam === undefined ? undefined : idParam(scanParam, 'scan'));
        const limit = intParam(c, 'limit', 1000, 1, 100_000);
        const controlId = c.req.param('controlId');
        return jsonText(c, await reports.body(scan, `control\u0000${benchmark.id}\u0000${controlId}\u0000${limit}`, () => reports.detail(benchmark, scan, controlId, limit)));
      });
  },
  paths: {
    '/api/benchmarks': {
      get: {
        summary: 'Benchmarks with their latest score',
        operationId: 'listBenchmarks',
        responses: { '200': json('Benchmarks', 'BenchmarkList'), ...errorResponses(401) },
      },
    },
    '/api/benchmarks/{id}/report': {
      get: {
        summary: "A benchmark's report: summary panel and control table",
        description: 'The latest completed scan unless `scan` names one. Filters combine with AND; list filters take comma-separated values.',
        operationId: 'getBenchmarkReport',
        parameters: [
          pathParam('id', 'Benchmark id, e.g. cis-aws-3.0'),
          queryParam('scan', 'Scan id (default: the latest completed scan of the benchmark)'),
          queryParam('status', 'Comma-separated statuses: PASS, FAIL, ERROR, SKIP, MANUAL'),
          queryParam('severity', 'Comma-separated severities: critical, high, medium, low'),
          queryParam('section', 'Section name or its beginning, case-insensitive'),
          queryParam('sort', 'id, title, section, severity (critical first), status (FAIL first) or affected (fewest first); prefix - to reverse, e.g. -affected'),
        ],
        responses: { '200': json('The report', 'BenchmarkReport'), ...errorResponses(400, 401, 404) },
      },
    },
    '/api/benchmarks/{id}/controls/{controlId}': {
      get: {
        summary: 'One requirement: description, rationale, affected resources, remediation, documentation',
        operationId: 'getControl',
        parameters: [
          pathParam('id', 'Benchmark id'),
          pathParam('controlId', 'Requirement id, e.g. 2.1.1'),
          queryParam('scan', 'Scan id (default: the latest completed scan)'),
          queryParam('limit', 'Most affected resources to return (default 1000)', 'integer'),
        ],
        responses: { '200': json('The control', 'ControlDetail'), ...errorResponses(400, 401, 404) },
      },
    },
  },
};

function jsonText(c: Context, text: string): Response {
  return c.body(text, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
}
