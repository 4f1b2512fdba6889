import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import type { BlankEnv } from 'hono/types';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Database } from '../schema/db.js';
import { bearerAuth } from './auth.js';
import { loopbackHostOnly, sameOriginDownloads, sameOriginWrites, wellFormedHost } from './guards.js';
import { defaultLimits, rateLimit, type RateLimit } from './rate-limit.js';
import { evaluateBenchmark } from '../controls/engine.js';
import { loadCatalog, type Catalog } from '../controls/loader.js';
import { ConsoleError, createSqlConsole, type ConsoleOptions } from '../console/index.js';
import { ApiError, errorResponse } from './errors.js';
import { serveOpenApi } from './openapi.js';
import { ReadPool } from './read-pool.js';
import { ReportReader } from './scan-queries.js';
import { routeModules, type AppDeps, type RouteModule } from './routes/index.js';
import { RunConflictError, ScanRunner, type Evaluate, type SyncFn } from '../scans/runner.js';
import { staticPage } from './static.js';
import { validationHook } from './validation.js';
import { planBodyLimit } from './routes/iac.js';
import { refuseLiveScansOnIacDb } from './iac-guard.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import { besideRoutes, type BesideOptions } from './beside/routes.js';

export interface AppOptions {
  db: Database;
  /** When set, every /api request needs `Authorization: Bearer <token>`. */
  token?: string;
  console?: ConsoleOptions;
  catalog?: Catalog;
  /** The compliance engine's evaluateBenchmark (default: controls/engine.js). */
  evaluate?: Evaluate;
  /** How "Run now" with sync: true syncs; without it such requests get a 409 (the demo has no AWS account). */
  sync?: SyncFn;
  /** Largest request body in bytes (default 64 KiB). */
  bodyLimit?: number;
  /** Largest plan upload to POST /api/iac in bytes (default 20 MiB). */
  planBodyLimit?: number;
  /** Routers mounted under /api in addition to api/routes/index.ts (tests, embedding); documented like them. */
  extraRoutes?: readonly RouteModule[];
  /** Where unexpected errors are reported (default: stderr); clients only see an error id. */
  onUnexpectedError?: (error: unknown, id: string) => void;
  /** Parallel read connections for requests (default 4). */
  readConnections?: number;
  /** Shared runner (e.g. with a scheduler); default: a new one. */
  runner?: ScanRunner;
  /** The schedule runner (calabi serve); the schedule routes reload it after changes. */
  scheduler?: Scheduler;
  /** Per-client limits of Run now and exports (default: rate-limit.ts defaultLimits). */
  rateLimits?: { scans?: RateLimit; exports?: RateLimit };
  /** CLI commands beside `calabi serve` (docs/cli-beside-serve.md): /internal routes behind a local credential. */
  beside?: BesideOptions;
}

/**
 * The HTTP application: JSON API under /api (documented at /api/openapi.json) and the page at /. Errors are
 * JSON with a message; request errors say what to fix, unexpected ones carry an id and never a stack.
 */
export function createApp(options: AppOptions): Hono & { close(): void; warm(): void } {
  const catalog = options.catalog ?? loadCatalog();
  const engineEvaluate: Evaluate = (o) => evaluateBenchmark({ ...o, catalog });
  const reader = new ReadPool(options.db, options.readConnections ?? 4);
  const deps: AppDeps = {
    db: options.db,
    reader,
    reports: new ReportReader(reader, catalog),
    catalog,
    console: createSqlConsole(options.db, options.console),
    runner: options.runner ?? new ScanRunner({ db: options.db, evaluate: options.evaluate ?? engineEvaluate, sync: options.sync }),
    scheduler: options.scheduler,
  };
  // A scan this server ran is the new latest at once, before its summary event reaches the page; the console's
  // copy of the database is then out of date too.
  deps.runner.onFinished(() => {
    deps.reports.invalidate();
    deps.console.invalidate();
  });
  const modules = [...routeModules, ...(options.extraRoutes ?? [])];
  const report = options.onUnexpectedError ?? ((error: unknown, id: string) => {
    process.stderr.write(`calabi serve: unexpected error ${id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  });

  const app = new OpenAPIHono<BlankEnv>();
  app.use('*', wellFormedHost());
  app.use('*', secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], frameAncestors: ["'none'"] },
    referrerPolicy: 'no-referrer',
  }));
  const smallBodies = bodyLimit({
    maxSize: options.bodyLimit ?? 64 * 1024,
    onError: (c) => errorResponse(c, { status: 413, code: 'body_too_large', message: `request body over ${options.bodyLimit ?? 64 * 1024} bytes; send a shorter query or payload` }),
  });
  // A Terraform plan upload is the one large body (api/routes/iac.ts).
  const planBodies = bodyLimit({
    maxSize: options.planBodyLimit ?? planBodyLimit,
    onError: (c) => errorResponse(c, { status: 413, code: 'body_too_large', message: `plan over ${options.planBodyLimit ?? planBodyLimit} bytes; run calabi iac PLAN on the command line instead` }),
  });
  app.use('/api/*', (c, next) => (c.req.path === '/api/iac' ? planBodies(c, next) : smallBodies(c, next)));
  if (options.token) app.use('/api/*', bearerAuth(options.token));
  else app.use('*', loopbackHostOnly());
  app.use('/api/*', sameOriginWrites());
  app.post('/api/scans', refuseLiveScansOnIacDb(options.db), rateLimit('scans started', options.rateLimits?.scans ?? defaultLimits.scans));
  app.post('/api/schedules', refuseLiveScansOnIacDb(options.db));
  const exportLimit = rateLimit('exports', options.rateLimits?.exports ?? defaultLimits.exports);
  for (const ext of ['csv', 'xlsx', 'pdf']) app.get(`/api/scans/:id/export.${ext}`, sameOriginDownloads(), exportLimit);
  app.post('/api/iac', rateLimit('plan uploads', options.rateLimits?.exports ?? defaultLimits.exports));
  // Any change made through the API (schedules, channels, prunes) makes the console's copy stale.
  app.use('/api/*', async (c, next) => {
    await next();
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && c.req.path !== '/api/query') deps.console.invalidate();
  });

  // A request that fails its route's zod schema gets our 400 invalid_input body naming the field.
  const api = new OpenAPIHono({ defaultHook: validationHook });
  serveOpenApi(api, () => app);
  for (const m of modules) api.route('/', m.routes(deps));
  api.all('*', (c) => errorResponse(c, { status: 404, code: 'not_found', message: `no API route ${c.req.method} ${c.req.path}; see /api/openapi.json` }));
  app.route('/api', api);
  if (options.beside) {
    const invalidate = () => {
      deps.reports.invalidate();
      deps.console.invalidate();
    };
    app.route('/internal', besideRoutes(options.beside, { db: options.db, scheduler: options.scheduler, invalidate }));
  }
  app.route('/', staticPage());

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error.body);
    if (error instanceof RunConflictError) return errorResponse(c, { status: 409, code: 'conflict', message: error.message });
    if (error instanceof ConsoleError) {
      const status = error.code === 'sandbox' || error.code === 'memory' || error.code === 'worker' ? 503 : error.code === 'busy' ? 429 : 400;
      return errorResponse(c, { status, code: `query_${error.code}`, field: 'sql', message: error.message, ...(error.position ? { position: error.position } : {}) });
    }
    // Hono's bearer-auth middleware (auth.ts) throws with the finished 401 response.
    if (error instanceof HTTPException && error.res) return error.getResponse();
    if (error instanceof HTTPException && error.status === 415) {
      return errorResponse(c, { status: 415, code: 'unsupported_media_type', field: 'body', message: 'send the body as JSON with Content-Type: application/json' });
    }
    if (error instanceof HTTPException) {
      return errorResponse(c, { status: error.status, code: 'http_error', message: error.message || 'request failed' });
    }
    const id = randomUUID().slice(0, 8);
    report(error, id);
    return c.json({ status: 500, code: 'internal', message: `internal error ${id}: the server log has the details` }, 500 as ContentfulStatusCode);
  });
  // Stops the console's worker processes (whatever they run) and removes its copies of the database.
  return Object.assign(app, { close: () => deps.console.close(), warm: () => deps.console.warm() });
}
