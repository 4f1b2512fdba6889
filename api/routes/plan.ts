import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { remediationPlan } from '../../reports/plan-data.js';
import { ScanNotFoundError } from '../../schema/scans.js';
import { ApiError, badRequest } from '../errors.js';
import { findBenchmark } from '../scan-queries.js';
import { errors, id, intQuery, json, strQuery } from '../schemas/common.js';
import { RemediationPlan } from '../schemas/plan.js';
import type { RouteModule } from './deps.js';

const planRoute = createRoute({
  method: 'get', path: '/plan', operationId: 'getRemediationPlan',
  summary: "Remediation plan from a benchmark's scan: failing checks by weighted requirements fixed across the selected frameworks, in phases, with projected scores",
  request: {
    query: z.object({
      benchmark: id('The plan benchmark', 'benchmark', 'query'),
      frameworks: strQuery('frameworks', 'Comma-separated other benchmarks whose latest scans count what each fix gains'),
      scan: strQuery('scan', "The benchmark's scan id or prefix (default latest)"),
      max_resources: intQuery('max_resources', 'Failing resources listed per check (all are counted)', 20, 0, 1000),
    }),
  },
  responses: { 200: json('The plan', RemediationPlan), ...errors(400, 404) },
});

export const plan: RouteModule = {
  name: 'plan',
  routes({ db, catalog }) {
    return new OpenAPIHono().openapi(planRoute, async (c) => {
      const { benchmark, frameworks, scan, max_resources = 20 } = c.req.valid('query');
      const others = (frameworks ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (others.length > 12) throw badRequest('frameworks', 'give at most 12 comma-separated benchmark ids');
      for (const b of [benchmark, ...others]) findBenchmark(catalog, b);
      const body = await remediationPlan(db, catalog, { benchmarkId: benchmark, frameworks: others, scan: scan || undefined, maxResources: max_resources }).catch((error: unknown) => {
        if (error instanceof ScanNotFoundError) throw new ApiError({ status: 404, code: 'not_found', message: error.message.replace(/^\[reports\] /, '') });
        throw error;
      });
      return c.json(body, 200);
    });
  },
};
