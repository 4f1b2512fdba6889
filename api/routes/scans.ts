import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { ApiError, badRequest, notFound } from '../errors.js';
import { findBenchmark, getScan } from '../scan-queries.js';
import { listScans } from '../../schema/scans.js';
import type { Run, RunEvent } from '../../scans/runner.js';
import type { AppDeps, RouteModule } from './deps.js';
import { errorResponses, json, pathParam, queryParam } from './openapi-helpers.js';
import { idParam, intParam, jsonBody } from './params.js';

export const scans: RouteModule = {
  name: 'scans',
  routes(deps) {
    const { reader: db, reports, catalog, runner } = deps;
    return new Hono()
      .post('/scans', async (c) => {
        const body = await jsonBody(c);
        if (typeof body.benchmark !== 'string' || body.benchmark === '') throw badRequest('benchmark', 'give the benchmark id as a string, e.g. "cis-aws-3.0"');
        if (body.sync !== undefined && typeof body.sync !== 'boolean') throw badRequest('sync', 'must be true or false');
        const benchmark = findBenchmark(catalog, body.benchmark);
        const { run } = runner.start({ benchmark: benchmark.id, sync: body.sync === true, trigger: 'api' });
        return c.json({ scan_id: run.id, benchmark: run.benchmark, sync: run.sync, state: run.state, events: `/api/scans/${run.id}/events` }, 202);
      })
      .get('/scans', async (c) => {
        const benchmark = c.req.query('benchmark');
        if (benchmark !== undefined) findBenchmark(catalog, benchmark);
        const limit = intParam(c, 'limit', 100, 1, 10_000);
        const rows = await listScans(db, { benchmarkId: benchmark, limit });
        const busy = runner.busy;
        return c.json({ scans: rows, running: busy ? { id: busy.id, benchmark: busy.benchmark, state: busy.state, started_at: busy.startedAt } : null });
      })
      .get('/scans/:id', async (c) => {
        const id = idParam(c.req.param('id'), 'id');
        const run = runner.get(id);
        if (run && !run.scanId) {
          return c.json({ run: runView(run), scan: null, summary: null, controls: [] });
        }
        const scan = await getScan(db, run?.scanId ?? id);
        return c.json({
          run: run ? runView(run) : null,
          scan,
          summary: await reports.summary(scan),
          controls: await reports.controlRows(scan),
        });
      })
      .get('/scans/:id/events', async (c) => {
        const id = idParam(c.req.param('id'), 'id');
        const run = runner.get(id);
        const after = Number(c.req.header('last-event-id') ?? 0) || 0;
        if (run) return streamSSE(c, (stream) => streamRun(deps, run, after, stream));
        const scan = await getScan(db, id).catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 404) return undefined;
          throw error;
        });
        if (!scan) throw notFound('scan', id);
        return streamSSE(c, async (stream) => {
          // A scan that finished before this server started (a CLI scan, say): replay its stored results.
          let seq = 0;
          for (const row of await reports.controlRows(scan)) {
            await stream.writeSSE({ id: String(++seq), event: 'control', data: JSON.stringify(row) });
          }
          await stream.writeSSE({ id: String(++seq), event: 'summary', data: JSON.stringify({ scan_id: scan.id, summary: await reports.summary(scan), finished_at: scan.finished_at }) });
        });
      });
  },
  paths: {
    '/api/scans': {
      get: {
        summary: 'Scans, newest first, with score and counts',
        operationId: 'listScans',
        parameters: [queryParam('benchmark', 'Only scans of this benchmark'), queryParam('limit', 'At most this many (default 100)', 'integer')],
        responses: { '200': json('Scans', 'ScanList'), ...errorResponses(400, 401, 404) },
      },
      post: {
        summary: 'Run now: start an evaluation (optionally a sync first); returns the scan id at once',
        operationId: 'startScan',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ScanRequest' } } } },
        responses: { '202': json('Started; follow the events URL', 'ScanStarted'), ...errorResponses(400, 401, 404, 409, 413) },
      },
    },
    '/api/scans/{id}': {
      get: {
        summary: "One scan's results (or the state of a run still going)",
        operationId: 'getScan',
        parameters: [pathParam('id', 'Scan id (as returned by POST /api/scans)')],
        responses: { '200': json('The scan', 'ScanResults'), ...errorResponses(401, 404) },
      },
    },
    '/api/scans/{id}/events': {
      get: {
        summary: 'Server-sent events: `status`, one `control` per requirement as it completes, then `summary` (or `error`)',
        operationId: 'scanEvents',
        parameters: [pathParam('id', 'Scan id'), { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' }, description: 'Resume after this event' }],
        responses: { '200': { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...errorResponses(401, 404) },
      },
    },
  },
};

function runView(run: Run) {
  return { id: run.id, benchmark: run.benchmark, sync: run.sync, trigger: run.trigger, state: run.state, started_at: run.startedAt, finished_at: run.finishedAt, scan_id: run.scanId, error: run.error };
}

/** Writes the run's events in order until its summary or error, or until the client goes away. */
async function streamRun({ runner }: AppDeps, run: Run, after: number, stream: SSEStreamingApi): Promise<void> {
  const queue: RunEvent[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  const unsubscribe = runner.subscribe(run, after, (e) => {
    queue.push(e);
    wake?.();
  });
  stream.onAbort(() => {
    closed = true;
    wake?.();
  });
  const ping = setInterval(() => void stream.write(': keep-alive\n\n'), 15_000);
  try {
    for (;;) {
      while (queue.length) {
        const e = queue.shift()!;
        await stream.writeSSE({ id: String(e.seq), event: e.event, data: JSON.stringify(e.data) });
        if (e.event === 'summary' || e.event === 'error') return;
      }
      if (closed || run.state === 'complete' || run.state === 'failed') return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    clearInterval(ping);
    unsubscribe();
  }
}
