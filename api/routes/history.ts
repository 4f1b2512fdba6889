import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { compareVersions, defaultCompareBenchmarks } from '../../reports/compare.js';
import { diffScans, DiffError } from '../../reports/diff.js';
import { ScanNotFoundError } from '../../schema/scans.js';
import { trend } from '../../reports/trend.js';
import { ApiError, badRequest, notFound } from '../errors.js';
import { findBenchmark } from '../scan-queries.js';
import { errors, id, intQuery, json, strQuery } from '../schemas/common.js';
import { ScanDiff, Trend, VersionComparison } from '../schemas/history.js';
import type { RouteModule } from './deps.js';

function requestError(error: unknown): never {
  if (error instanceof ScanNotFoundError) throw new ApiError({ status: 404, code: 'not_found', message: error.message.replace(/^\[reports\] /, '') });
  if (error instanceof DiffError) throw new ApiError({ status: 400, code: 'invalid_input', field: 'b', message: error.message });
  throw error;
}

const diff = createRoute({
  method: 'get', path: '/scans/{a}/diff/{b}', operationId: 'diffScans',
  summary: 'Drift from scan a to scan b of one benchmark: requirements newly failing, resolved, still failing; findings by resource',
  request: {
    params: z.object({ a: id('Earlier scan id (or latest)', 'a'), b: id('Later scan id', 'b') }),
    query: z.object({ limit: intQuery('limit', 'Findings listed per group (counts are always complete)', 500, 0, 100_000) }),
  },
  responses: { 200: json('The drift', ScanDiff), ...errors(400, 404) },
});

const compare = createRoute({
  method: 'get', path: '/compare', operationId: 'compareBenchmarks',
  summary: 'Benchmark versions side by side on their latest scans: per check, the requirement each version maps it to and its status',
  request: { query: z.object({ benchmarks: strQuery('benchmarks', 'Comma-separated ids (default: every CIS version that has a complete scan, at least two)') }) },
  responses: { 200: json('The comparison', VersionComparison), ...errors(400, 404) },
});

const trendRoute = createRoute({
  method: 'get', path: '/trend', operationId: 'getTrend',
  summary: 'Score over time per benchmark (complete scans), with the change against the previous scan',
  request: { query: z.object({ benchmark: strQuery('benchmark', 'Only this benchmark'), days: intQuery('days', 'How far back', 90, 1, 36_500) }) },
  responses: { 200: json('Series per benchmark', Trend), ...errors(400, 404) },
});

export const history: RouteModule = {
  name: 'history',
  routes({ db, catalog }) {
    return new OpenAPIHono()
      .openapi(diff, async (c) => {
        const { a, b } = c.req.valid('param');
        const { limit = 500 } = c.req.valid('query');
        return c.json(await diffScans(db, a, b, { limit }).catch(requestError), 200);
      })
      .openapi(compare, async (c) => {
        // Default: every CIS version that has a scan; named versions must all have one.
        const given = c.req.valid('query').benchmarks;
        const ids = (given ?? defaultCompareBenchmarks.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
        if (ids.length < 2 || ids.length > 12) throw badRequest('benchmarks', 'give 2 to 12 comma-separated benchmark ids, e.g. cis-aws-3.0,cis-aws-7.0');
        for (const id of ids) findBenchmark(catalog, id);
        return c.json(await compareVersions(db, ids.map((benchmarkId) => ({ benchmarkId })), { skipUnscanned: given === undefined }).catch(requestError), 200);
      })
      .openapi(trendRoute, async (c) => {
        const { benchmark, days = 90 } = c.req.valid('query');
        if (benchmark !== undefined) findBenchmark(catalog, benchmark);
        return c.json({ series: await trend(db, { benchmarkId: benchmark, days }) }, 200);
      });
  },
};
