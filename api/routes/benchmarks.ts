import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { filterControls, findBenchmark, listBenchmarks } from '../scan-queries.js';
import { errors, id, intQuery, json, strQuery } from '../schemas/common.js';
import { BenchmarkList, BenchmarkReport, ControlDetail } from '../schemas/reports.js';
import type { RouteModule } from './deps.js';
import { jsonText } from './json-text.js';

const list = createRoute({
  method: 'get', path: '/benchmarks', operationId: 'listBenchmarks', summary: 'Benchmarks with their latest score',
  responses: { 200: json('Benchmarks', BenchmarkList), ...errors() },
});

const report = createRoute({
  method: 'get', path: '/benchmarks/{id}/report', operationId: 'getBenchmarkReport',
  summary: "A benchmark's report: summary panel and control table",
  description: 'The latest completed scan unless `scan` names one. Filters combine with AND; list filters take comma-separated values.',
  request: {
    params: z.object({ id: id('Benchmark id, e.g. cis-aws-3.0') }),
    query: z.object({
      scan: id('Scan id (default: the latest completed scan of the benchmark)', 'scan', 'query').optional(),
      status: strQuery('status', 'Comma-separated statuses: PASS, FAIL, ERROR, SKIP, MANUAL, NOT VERIFIABLE (or NOT_VERIFIABLE)'),
      severity: strQuery('severity', 'Comma-separated severities: critical, high, medium, low'),
      section: strQuery('section', 'Section name or its beginning, case-insensitive'),
      sort: strQuery('sort', 'id, title, section, severity (critical first), status (FAIL first) or affected (fewest first); prefix - to reverse, e.g. -affected'),
    }),
  },
  responses: { 200: json('The report', BenchmarkReport), ...errors(400, 404) },
});

const control = createRoute({
  method: 'get', path: '/benchmarks/{id}/controls/{controlId}', operationId: 'getControl',
  summary: 'One requirement: description, rationale, affected resources, remediation, documentation',
  request: {
    params: z.object({ id: id('Benchmark id'), controlId: id('Requirement id, e.g. 2.1.1', 'controlId') }),
    query: z.object({
      scan: id('Scan id (default: the latest completed scan)', 'scan', 'query').optional(),
      limit: intQuery('limit', 'Most affected resources to return', 1000, 1, 100_000),
    }),
  },
  responses: { 200: json('The control', ControlDetail), ...errors(400, 404) },
});

export const benchmarks: RouteModule = {
  name: 'benchmarks',
  routes({ reader, reports, catalog }) {
    return new OpenAPIHono()
      .openapi(list, async (c) => c.json({ benchmarks: await listBenchmarks(reader, catalog) }, 200))
      .openapi(report, async (c) => {
        const benchmark = findBenchmark(catalog, c.req.valid('param').id);
        const { scan: scanId, ...query } = c.req.valid('query');
        const scan = await reports.resolve(benchmark.id, scanId);
        const key = `report\u0000${benchmark.id}\u0000${query.status}\u0000${query.severity}\u0000${query.section}\u0000${query.sort}`;
        return jsonText<z.infer<typeof BenchmarkReport>>(c, await reports.body(scan, key, async () => {
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
      .openapi(control, async (c) => {
        const { id: benchmarkId, controlId } = c.req.valid('param');
        const benchmark = findBenchmark(catalog, benchmarkId);
        const { scan: scanId, limit = 1000 } = c.req.valid('query');
        const scan = await reports.resolve(benchmark.id, scanId);
        return jsonText<z.infer<typeof ControlDetail>>(c, await reports.body(scan, `control\u0000${benchmark.id}\u0000${controlId}\u0000${limit}`, () => reports.detail(benchmark, scan, controlId, limit)));
      });
  },
};
