import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { ApiError, badRequest, notFound } from '../errors.js';
import { findBenchmark, getScan } from '../scan-queries.js';
import { listScans } from '../../schema/scans.js';
import type { Run, RunEvent } from '../../scans/runner.js';
import { errors, id, intQuery, json, jsonRequest, strQuery } from '../schemas/common.js';
import { ScanList, ScanRequest, ScanResults, ScanStarted } from '../schemas/reports.js';
import { parseJsonBody } from '../validation.js';
import type { AppDeps, RouteModule } from './deps.js';

const start = createRoute({
  method: 'post', path: '/scans', operationId: 'startScan',
  summary: 'Run now: start an evaluation (optionally a sync first); returns the scan id at once',
  middleware: [parseJsonBody()] as const,
  request: { body: jsonRequest(ScanRequest) },
  responses: { 202: json('Started; follow the events URL', ScanStarted), ...errors(400, 403, 404, 409, 413, 415, 429) },
});

const list = createRoute({
  method: 'get', path: '/scans', operationId: 'listScans', summary: 'Scans, newest first, with score and counts',
  request: { query: z.object({ benchmark: strQuery('benchmark', 'Only scans of this benchmark'), limit: intQuery('limit', 'At most this many', 100, 1, 10_000) }) },
  responses: { 200: json('Scans', ScanList), ...errors(400, 404) },
});

const one = createRoute({
  method: 'get', path: '/scans/{id}', operationId: 'getScan', summary: "One scan's results (or the state of a run still going)",
  request: { params: z.object({ id: id('Scan id (as returned by POST /api/scans)') }) },
  responses: { 200: json('The scan', ScanResults), ...errors(400, 404) },
});

const events = createRoute({
  method: 'get', path: '/scans/{id}/events', operationId: 'scanEvents',
  summary: 'Server-sent events: `status`, one `control` per requirement as it completes, then `summary` (or `error`)',
  description: 'Each event has an id; `data` is JSON: `control` a ControlRow, `summary` {scan_id, summary, finished_at}, `error` {message}. A finished scan is replayed from its stored results.',
  request: {
    params: z.object({ id: id('Scan id') }),
    headers: z.object({ 'Last-Event-ID': z.string().optional().openapi({ description: 'Resume after this event' }) }),
  },
  responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } }, ...errors(400, 404) },
});

export const scans: RouteModule = {
  name: 'scans',
  routes(deps) {
    const { reader: db, reports, catalog, runner } = deps;
    return new OpenAPIHono()
      .openapi(start, async (c) => {
        const body = c.req.valid('json');
        const benchmark = findBenchmark(catalog, body.benchmark);
        const { run } = runner.start({ benchmark: benchmark.id, sync: body.sync === true, trigger: 'api' });
        return c.json({ scan_id: run.id, benchmark: run.benchmark, sync: run.sync, state: run.state, events: `/api/scans/${run.id}/events` }, 202);
      })
      .openapi(list, async (c) => {
        const { benchmark, limit = 100 } = c.req.valid('query');
        if (benchmark !== undefined) findBenchmark(catalog, benchmark);
        const rows = await listScans(db, { benchmarkId: benchmark, limit });
        const busy = runner.busy;
        return c.json({ scans: rows, running: busy ? { id: busy.id, benchmark: busy.benchmark, state: busy.state, started_at: busy.startedAt } : null }, 200);
      })
      .openapi(one, async (c) => {
        const { id } = c.req.valid('param');
        const run = runner.get(id);
        if (run && !run.scanId) {
          return c.json({ run: runView(run), scan: null, summary: null, controls: [] }, 200);
        }
        const scan = await getScan(db, run?.scanId ?? id);
        return c.json({
          run: run ? runView(run) : null,
          scan,
          summary: await reports.summary(scan),
          controls: await reports.controlRows(scan),
        }, 200);
      })
      .openapi(events, async (c) => {
        const { id } = c.req.valid('param');
        const run = runner.get(id);
        const after = Number(c.req.valid('header')['Last-Event-ID'] ?? 0) || 0;
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
