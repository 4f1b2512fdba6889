import { Hono } from 'hono';
import { compareVersions, defaultCompareBenchmarks } from '../../reports/compare.js';
import { diffScans, DiffError } from '../../reports/diff.js';
import { ScanNotFoundError } from '../../schema/scans.js';
import { trend } from '../../reports/trend.js';
import { ApiError, badRequest, notFound } from '../errors.js';
import { findBenchmark } from '../scan-queries.js';
import type { RouteModule } from './deps.js';
import { errorResponses, pathParam, queryParam } from './openapi-helpers.js';
import { idParam, intParam } from './params.js';

function requestError(error: unknown): never {
  if (error instanceof ScanNotFoundError) throw new ApiError({ status: 404, code: 'not_found', message: error.message.replace(/^\[reports\] /, '') });
  if (error instanceof DiffError) throw new ApiError({ status: 400, code: 'invalid_input', field: 'b', message: error.message });
  throw error;
}

export const history: RouteModule = {
  name: 'history',
  routes({ db, catalog }) {
    return new Hono()
      .get('/scans/:a/diff/:b', async (c) => {
        const a = idParam(c.req.param('a'), 'a');
        const b = idParam(c.req.param('b'), 'b');
        return c.json(await diffScans(db, a, b, { limit: intParam(c, 'limit', 500, 0, 100_000) }).catch(requestError));
      })
      .get('/compare', async (c) => {
        // Default: every CIS version that has a scan; named versions must all have one.
        const given = c.req.query('benchmarks');
        const ids = (given ?? defaultCompareBenchmarks.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
        if (ids.length < 2 || ids.length > 12) throw badRequest('benchmarks', 'give 2 to 12 comma-separated benchmark ids, e.g. cis-aws-3.0,cis-aws-7.0');
        for (const id of ids) findBenchmark(catalog, id);
        return c.json(await compareVersions(db, ids.map((benchmarkId) => ({ benchmarkId })), { skipUnscanned: given === undefined }).catch(requestError));
      })
      .get('/trend', async (c) => {
        const benchmark = c.req.query('benchmark');
        if (benchmark !== undefined) findBenchmark(catalog, benchmark);
        return c.json({ series: await trend(db, { benchmarkId: benchmark, days: intParam(c, 'days', 90, 1, 36_500) }) });
      });
  },
  paths: {
    '/api/scans/{a}/diff/{b}': {
      get: {
        summary: 'Drift from scan a to scan b of one benchmark: requirements newly failing, resolved, still failing; findings by resource',
        operationId: 'diffScans',
        parameters: [pathParam('a', 'Earlier scan id (or latest)'), pathParam('b', 'Later scan id'), queryParam('limit', 'Findings listed per group (default 500; counts are always complete)', 'integer')],
        responses: { '200': { description: 'The drift' }, ...errorResponses(400, 401, 404) },
      },
    },
    '/api/compare': {
      get: {
        summary: 'Benchmark versions side by side on their latest scans: per check, the requirement each version maps it to and its status',
        operationId: 'compareBenchmarks',
        parameters: [queryParam('benchmarks', 'Comma-separated ids (default: every CIS version that has a complete scan, at least two)')],
        responses: { '200': { description: 'The comparison' }, ...errorResponses(400, 401, 404) },
      },
    },
    '/api/trend': {
      get: {
        summary: 'Score over time per benchmark (complete scans), with the change against the previous scan',
        operationId: 'getTrend',
        parameters: [queryParam('benchmark', 'Only this benchmark'), queryParam('days', 'How far back (default 90)', 'integer')],
        responses: { '200': { description: 'Series per benchmark' }, ...errorResponses(400, 401, 404) },
      },
    },
  },
};
