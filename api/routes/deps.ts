import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '../../schema/db.js';
import type { Catalog } from '../../controls/loader.js';
import type { SqlConsole } from '../../console/index.js';
import type { Reader } from '../read-pool.js';
import type { ReportReader } from '../scan-queries.js';
import type { ScanRunner } from '../../scans/runner.js';
import type { Scheduler } from '../../scheduler/scheduler.js';

/** What every router receives from createApp. */
export interface AppDeps {
  db: Database;
  /** Parallel read connections for request handlers (db itself has one connection, for writes and setup). */
  reader: Reader;
  /** Report reads with a cache for finished scans. */
  reports: ReportReader;
  catalog: Catalog;
  console: SqlConsole;
  runner: ScanRunner;
  /** The schedule runner of `calabi serve`; absent elsewhere (schedules are then stored but not run here). */
  scheduler?: Scheduler;
}

/**
 * One file of routes, mounted under /api. Each route is declared with createRoute (zod schemas for its path, query,
 * body and responses): the same schemas validate requests and make /api/openapi.json, so nothing is documented by
 * hand and a route cannot be served undocumented.
 */
export interface RouteModule {
  name: string;
  routes(deps: AppDeps): OpenAPIHono;
}
