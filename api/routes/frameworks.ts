import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { frameworksPosture } from '../../controls/frameworks.js';
import { requirementsOfResource } from '../../controls/resource-requirements.js';
import { sectionScorecard } from '../../controls/section-scorecard.js';
import { findBenchmark } from '../scan-queries.js';
import { errors, id, json } from '../schemas/common.js';
import { FrameworksPosture, ResourceRequirements, SectionScorecard } from '../schemas/frameworks.js';
import type { RouteModule } from './deps.js';

const posture = createRoute({
  method: 'get', path: '/frameworks', operationId: 'getFrameworks',
  summary: "Every benchmark side by side: score, counts and failed by severity of each one's latest scan",
  description: 'From the latest complete live scan of each benchmark; `same_inventory` and `note` say when they did not all read the same sync.',
  responses: { 200: json('The frameworks', FrameworksPosture), ...errors() },
});

const scorecard = createRoute({
  method: 'get', path: '/benchmarks/{id}/scorecard', operationId: 'getSectionScorecard',
  summary: 'Section scorecard of a scan: requirements, passed, failed, error, not evaluable and score per section, and the total',
  request: {
    params: z.object({ id: id('Benchmark id, e.g. cis-aws-3.0') }),
    query: z.object({ scan: id('Scan id (default: the latest completed scan of the benchmark)', 'scan', 'query').optional() }),
  },
  responses: { 200: json('The scorecard', SectionScorecard), ...errors(400, 404) },
});

const resource = createRoute({
  method: 'get', path: '/resources/requirements', operationId: 'getResourceRequirements',
  summary: 'Every requirement a resource breaks, across all benchmarks',
  description: "The checks that find the resource failing in the latest scan of each benchmark, and every requirement of every benchmark that maps one of them.",
  request: { query: z.object({ resource_id: id('The resource id as findings name it (an ARN, or the account or region id)', 'resource_id', 'query') }) },
  responses: { 200: json('The requirements', ResourceRequirements), ...errors(400) },
});

/** The cross-framework view: one inventory, every benchmark (controls/frameworks.ts, resource-requirements.ts). */
export const frameworks: RouteModule = {
  name: 'frameworks',
  routes({ reader, reports, catalog }) {
    return new OpenAPIHono()
      .openapi(posture, async (c) => c.json(await frameworksPosture(reader, catalog), 200))
      .openapi(scorecard, async (c) => {
        const benchmark = findBenchmark(catalog, c.req.valid('param').id);
        const scan = await reports.resolve(benchmark.id, c.req.valid('query').scan);
        const card = sectionScorecard(await reports.controlRows(scan));
        return c.json({ scan_id: scan.id, benchmark_id: benchmark.id, ...card }, 200);
      })
      .openapi(resource, async (c) => c.json(await requirementsOfResource(reader, catalog, c.req.valid('query').resource_id), 200));
  },
};
