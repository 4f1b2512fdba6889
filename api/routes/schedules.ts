import { Hono } from 'hono';
import { listRuns } from '../../scheduler/runs.js';
import { ScheduleBusyError } from '../../scheduler/scheduler.js';
import { ScheduleSpecError } from '../../scheduler/spec.js';
import { createSchedule, deleteSchedule, getSchedule, listSchedules, updateSchedule, type Schedule } from '../../scheduler/store.js';
import { ApiError, badRequest, conflict, notFound } from '../errors.js';
import { benchmarksInOrder } from '../../controls/benchmarks.js';
import type { Catalog } from '../../controls/loader.js';
import type { AppDeps, RouteModule } from './deps.js';
import { errorResponses, pathParam, queryParam } from './openapi-helpers.js';
import { idParam, intParam, jsonBody } from './params.js';

const fields = ['name', 'benchmark_id', 'frequency', 'weekday', 'day_of_month', 'time_of_day', 'timezone', 'sync_first', 'alert_threshold', 'channel_ids', 'paused'];

/** Store errors are the user's input: a 400 that names the field when the message starts with it. */
function asRequestError(error: unknown): never {
  if (error instanceof ScheduleSpecError) {
    throw new ApiError({ status: 400, code: 'invalid_input', field: error.field, message: error.message });
  }
  throw error;
}

function checkBenchmark(catalog: Catalog) {
  return (id: string) => {
    if (!catalog.benchmarks.has(id)) {
      throw new ApiError({ status: 400, code: 'invalid_input', field: 'benchmark_id', message: `benchmark_id: unknown benchmark '${id}'; valid: ${benchmarksInOrder(catalog).map((b) => b.id).join(', ')}` });
    }
  };
}

function view(deps: AppDeps, s: Schedule) {
  return { ...s, running: deps.scheduler?.isRunning(s.id) ?? false };
}

export const schedules: RouteModule = {
  name: 'schedules',
  routes(deps) {
    const { db, catalog } = deps;
    const reload = () => deps.scheduler?.reload();
    const find = async (id: string) => {
      const s = await getSchedule(db, idParam(id, 'id'));
      if (!s) throw notFound('schedule', id);
      return s;
    };
    const patch = async (id: string, body: Record<string, unknown>) => {
      const unknown = Object.keys(body).filter((k) => !fields.includes(k));
      if (unknown.length) throw badRequest(unknown[0]!, `unknown field; a schedule has ${fields.join(', ')}`);
      const s = await updateSchedule(db, id, body, new Date(), { checkBenchmark: checkBenchmark(catalog) }).catch(asRequestError);
      if (!s) throw notFound('schedule', id);
      await reload();
      return s;
    };
    return new Hono()
      .get('/schedules', async (c) => {
        const rows = await listSchedules(db);
        const last = await db.all<{ schedule_id: string; status: string; started_at: string; error: string | null; scan_id: string | null }>(
          `SELECT schedule_id, arg_max(status, started_at) AS status, max(started_at) AS started_at, arg_max(error, started_at) AS error,
                  arg_max(scan_id, started_at) AS scan_id FROM schedule_runs WHERE schedule_id IS NOT NULL GROUP BY schedule_id`,
        );
        const byId = new Map(last.map((r) => [r.schedule_id, r]));
        return c.json({ scheduler_running: Boolean(deps.scheduler), schedules: rows.map((s) => ({ ...view(deps, s), last_run: byId.get(s.id) ?? null })) });
      })
      .post('/schedules', async (c) => {
        const body = await jsonBody(c);
        const s = await createSchedule(db, body as never, new Date(), { checkBenchmark: checkBenchmark(catalog) }).catch(asRequestError);
        await reload();
        return c.json(view(deps, s), 201);
      })
      .get('/schedules/:id', async (c) => {
        const s = await find(c.req.param('id'));
        return c.json({ ...view(deps, s), runs: await listRuns(db, { scheduleId: s.id, limit: intParam(c, 'limit', 20, 1, 1000) }) });
      })
      .patch('/schedules/:id', async (c) => c.json(view(deps, await patch(idParam(c.req.param('id'), 'id'), await jsonBody(c)))))
      .post('/schedules/:id/pause', async (c) => c.json(view(deps, await patch(idParam(c.req.param('id'), 'id'), { paused: true }))))
      .post('/schedules/:id/resume', async (c) => c.json(view(deps, await patch(idParam(c.req.param('id'), 'id'), { paused: false }))))
      .delete('/schedules/:id', async (c) => {
        const id = idParam(c.req.param('id'), 'id');
        if (deps.scheduler?.isRunning(id)) throw conflict('the schedule is running; delete it after the run ends (or pause it now)');
        if (!(await deleteSchedule(db, id))) throw notFound('schedule', id);
        await reload();
        return c.body(null, 204);
      })
      .post('/schedules/:id/run', async (c) => {
        const s = await find(c.req.param('id'));
        if (!deps.scheduler) throw conflict('schedules run inside `calabi serve`; this server has no scheduler (use `calabi run` for a one-shot run)');
        try {
          const done = deps.scheduler.runNow(s.id);
          void done.catch(() => undefined); // recorded in schedule_runs
        } catch (error) {
          if (error instanceof ScheduleBusyError) throw conflict(error.message);
          throw error;
        }
        return c.json({ schedule_id: s.id, state: 'started', runs: `/api/schedules/${s.id}/runs` }, 202);
      })
      .get('/schedules/:id/runs', async (c) => {
        const s = await find(c.req.param('id'));
        return c.json({ runs: await listRuns(db, { scheduleId: s.id, limit: intParam(c, 'limit', 50, 1, 1000) }) });
      })
      .get('/schedule-runs', async (c) => c.json({ runs: await listRuns(db, { limit: intParam(c, 'limit', 50, 1, 1000) }) }));
  },
  paths: {
    '/api/schedules': {
      get: { summary: 'Schedules with their next due time, whether one runs now, and the last run', operationId: 'listSchedules', responses: { '200': { description: 'Schedules' }, ...errorResponses(401) } },
      post: {
        summary: 'Create a schedule: benchmark_id, frequency (daily|weekly|monthly), weekday (weekly), day_of_month (1–28 or "last"), time_of_day HH:MM, timezone (IANA), sync_first, alert_threshold (points), channel_ids, paused',
        operationId: 'createSchedule',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { '201': { description: 'Created' }, ...errorResponses(400, 401, 413) },
      },
    },
    '/api/schedules/{id}': {
      get: { summary: 'One schedule and its latest runs', operationId: 'getSchedule', parameters: [pathParam('id', 'Schedule id'), queryParam('limit', 'Runs to include (default 20)', 'integer')], responses: { '200': { description: 'The schedule' }, ...errorResponses(401, 404) } },
      patch: { summary: 'Change a schedule (any subset of its fields)', operationId: 'updateSchedule', parameters: [pathParam('id', 'Schedule id')], responses: { '200': { description: 'Changed' }, ...errorResponses(400, 401, 404) } },
      delete: { summary: 'Delete a schedule (its run history stays)', operationId: 'deleteSchedule', parameters: [pathParam('id', 'Schedule id')], responses: { '204': { description: 'Deleted' }, ...errorResponses(401, 404, 409) } },
    },
    '/api/schedules/{id}/pause': { post: { summary: 'Pause a schedule', operationId: 'pauseSchedule', parameters: [pathParam('id', 'Schedule id')], responses: { '200': { description: 'Paused' }, ...errorResponses(401, 404) } } },
    '/api/schedules/{id}/resume': { post: { summary: 'Resume a paused schedule from its next due time', operationId: 'resumeSchedule', parameters: [pathParam('id', 'Schedule id')], responses: { '200': { description: 'Resumed' }, ...errorResponses(401, 404) } } },
    '/api/schedules/{id}/run': { post: { summary: 'Run a schedule now', operationId: 'runSchedule', parameters: [pathParam('id', 'Schedule id')], responses: { '202': { description: 'Started' }, ...errorResponses(401, 404, 409) } } },
    '/api/schedules/{id}/runs': { get: { summary: "A schedule's runs: start, end, outcome, scan, errors", operationId: 'listScheduleRuns', parameters: [pathParam('id', 'Schedule id'), queryParam('limit', 'At most this many (default 50)', 'integer')], responses: { '200': { description: 'Runs, newest first' }, ...errorResponses(401, 404) } } },
    '/api/schedule-runs': { get: { summary: 'Runs of every schedule and of `calabi run`, newest first', operationId: 'listAllRuns', parameters: [queryParam('limit', 'At most this many (default 50)', 'integer')], responses: { '200': { description: 'Runs' }, ...errorResponses(401) } } },
  },
};
