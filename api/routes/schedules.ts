import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listRuns } from '../../scheduler/runs.js';
import { ScheduleBusyError } from '../../scheduler/scheduler.js';
import { ScheduleSpecError } from '../../scheduler/spec.js';
import { createSchedule, deleteSchedule, getSchedule, listSchedules, updateSchedule, type Schedule } from '../../scheduler/store.js';
import { ApiError, badRequest, conflict, notFound } from '../errors.js';
import { benchmarksInOrder } from '../../controls/benchmarks.js';
import type { Catalog } from '../../controls/loader.js';
import { errors, id, intQuery, json, jsonRequest } from '../schemas/common.js';
import { Schedule as ScheduleBody, ScheduleDetail, ScheduleList, SchedulePatch, ScheduleRequest, ScheduleRuns, ScheduleStarted } from '../schemas/schedules.js';
import { parseJsonBody } from '../validation.js';
import type { AppDeps, RouteModule } from './deps.js';

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

const byId = z.object({ id: id('Schedule id') });
const route = <P extends string>(method: 'get' | 'post' | 'patch' | 'delete', path: P, operationId: string, summary: string) => ({ method, path, operationId, summary });

const list = createRoute({ ...route('get', '/schedules', 'listSchedules', 'Schedules with their next due time, whether one runs now, and the last run'), responses: { 200: json('Schedules', ScheduleList), ...errors() } });
const create = createRoute({
  ...route('post', '/schedules', 'createSchedule', 'Create a schedule'),
  middleware: [parseJsonBody()] as const,
  request: { body: jsonRequest(ScheduleRequest) },
  responses: { 201: json('Created', ScheduleBody), ...errors(400, 403, 413, 415) },
});
const one = createRoute({
  ...route('get', '/schedules/{id}', 'getSchedule', 'One schedule and its latest runs'),
  request: { params: byId, query: z.object({ limit: intQuery('limit', 'Runs to include', 20, 1, 1000) }) },
  responses: { 200: json('The schedule', ScheduleDetail), ...errors(400, 404) },
});
const update = createRoute({
  ...route('patch', '/schedules/{id}', 'updateSchedule', 'Change a schedule (any subset of its fields)'),
  middleware: [parseJsonBody()] as const,
  request: { params: byId, body: jsonRequest(SchedulePatch) },
  responses: { 200: json('Changed', ScheduleBody), ...errors(400, 403, 404, 413, 415) },
});
const pause = createRoute({ ...route('post', '/schedules/{id}/pause', 'pauseSchedule', 'Pause a schedule'), request: { params: byId }, responses: { 200: json('Paused', ScheduleBody), ...errors(400, 403, 404) } });
const resume = createRoute({ ...route('post', '/schedules/{id}/resume', 'resumeSchedule', 'Resume a paused schedule from its next due time'), request: { params: byId }, responses: { 200: json('Resumed', ScheduleBody), ...errors(400, 403, 404) } });
const remove = createRoute({ ...route('delete', '/schedules/{id}', 'deleteSchedule', 'Delete a schedule (its run history stays)'), request: { params: byId }, responses: { 204: { description: 'Deleted' }, ...errors(400, 403, 404, 409) } });
const run = createRoute({ ...route('post', '/schedules/{id}/run', 'runSchedule', 'Run a schedule now'), request: { params: byId }, responses: { 202: json('Started', ScheduleStarted), ...errors(400, 403, 404, 409) } });
const runs = createRoute({
  ...route('get', '/schedules/{id}/runs', 'listScheduleRuns', "A schedule's runs: start, end, outcome, scan, errors"),
  request: { params: byId, query: z.object({ limit: intQuery('limit', 'At most this many', 50, 1, 1000) }) },
  responses: { 200: json('Runs, newest first', ScheduleRuns), ...errors(400, 404) },
});
const allRuns = createRoute({
  ...route('get', '/schedule-runs', 'listAllRuns', 'Runs of every schedule and of `calabi run`, newest first'),
  request: { query: z.object({ limit: intQuery('limit', 'At most this many', 50, 1, 1000) }) },
  responses: { 200: json('Runs', ScheduleRuns), ...errors(400) },
});

export const schedules: RouteModule = {
  name: 'schedules',
  routes(deps) {
    const { db, catalog } = deps;
    const reload = () => deps.scheduler?.reload();
    const find = async (id: string) => {
      const s = await getSchedule(db, id);
      if (!s) throw notFound('schedule', id);
      return s;
    };
    const patch = async (id: string, body: Record<string, unknown>) => {
      const s = await updateSchedule(db, id, body, new Date(), { checkBenchmark: checkBenchmark(catalog) }).catch(asRequestError);
      if (!s) throw notFound('schedule', id);
      await reload();
      return s;
    };
    return new OpenAPIHono()
      .openapi(list, async (c) => {
        const rows = await listSchedules(db);
        const last = await db.all<{ schedule_id: string; status: string; started_at: string; error: string | null; scan_id: string | null }>(
          `SELECT schedule_id, arg_max(status, started_at) AS status, max(started_at) AS started_at, arg_max(error, started_at) AS error,
                  arg_max(scan_id, started_at) AS scan_id FROM schedule_runs WHERE schedule_id IS NOT NULL GROUP BY schedule_id`,
        );
        const lastById = new Map(last.map((r) => [r.schedule_id, r]));
        return c.json({ scheduler_running: Boolean(deps.scheduler), schedules: rows.map((s) => ({ ...view(deps, s), last_run: lastById.get(s.id) ?? null })) }, 200);
      })
      // The store parses the body itself (the same schema) and adds the checks that need the catalogue or the database.
      .openapi(create, async (c) => {
        const s = await createSchedule(db, (await c.req.json()) as never, new Date(), { checkBenchmark: checkBenchmark(catalog) }).catch(asRequestError);
        await reload();
        return c.json(view(deps, s), 201);
      })
      .openapi(one, async (c) => {
        const s = await find(c.req.valid('param').id);
        return c.json({ ...view(deps, s), runs: await listRuns(db, { scheduleId: s.id, limit: c.req.valid('query').limit ?? 20 }) }, 200);
      })
      // The raw body, not the parsed one: a partial change must not pick up the schema's defaults.
      .openapi(update, async (c) => c.json(view(deps, await patch(c.req.valid('param').id, (await c.req.json()) as Record<string, unknown>)), 200))
      .openapi(pause, async (c) => c.json(view(deps, await patch(c.req.valid('param').id, { paused: true })), 200))
      .openapi(resume, async (c) => c.json(view(deps, await patch(c.req.valid('param').id, { paused: false })), 200))
      .openapi(remove, async (c) => {
        const { id } = c.req.valid('param');
        if (deps.scheduler?.isRunning(id)) throw conflict('the schedule is running; delete it after the run ends (or pause it now)');
        if (!(await deleteSchedule(db, id))) throw notFound('schedule', id);
        await reload();
        return c.body(null, 204);
      })
      .openapi(run, async (c) => {
        const s = await find(c.req.valid('param').id);
        if (!deps.scheduler) throw conflict('schedules run inside `calabi serve`; this server has no scheduler (use `calabi run` for a one-shot run)');
        try {
          const done = deps.scheduler.runNow(s.id);
          void done.catch(() => undefined); // recorded in schedule_runs
        } catch (error) {
          if (error instanceof ScheduleBusyError) throw conflict(error.message);
          throw error;
        }
        return c.json({ schedule_id: s.id, state: 'started' as const, runs: `/api/schedules/${s.id}/runs` }, 202);
      })
      .openapi(runs, async (c) => {
        const s = await find(c.req.valid('param').id);
        return c.json({ runs: await listRuns(db, { scheduleId: s.id, limit: c.req.valid('query').limit ?? 50 }) }, 200);
      })
      .openapi(allRuns, async (c) => c.json({ runs: await listRuns(db, { limit: c.req.valid('query').limit ?? 50 }) }, 200));
  },
};
